using System.Collections.Concurrent;
using Verify.Figures.FigureSet.Core;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Core;

// In the quick report's collection: no other pool runs at the same time, so the thread count it sees is its own.
[Collection(Verify.Figures.Tests.Report.QuickReportCollection.Name)]
public sealed class JobRunnerTests
{
    [Fact]
    public void RunsEachNamedJobOnceOnEveryWorkerCountAndKeepsFailures()
    {
        foreach (int workers in new[] { 1, 2, 3 })
        {
            var runs = new ConcurrentDictionary<string, int>();
            var jobs = Enumerable.Range(0, 20).Select(i => new Job("job " + (i % 10), i, () => runs.AddOrUpdate("job " + (i % 10), 1, (_, n) => n + 1)))
                .Append(new Job("bad", 5, () => throw new InvalidOperationException("boom"))).ToArray();
            int finished = 0;
            var failures = JobRunner.Run(jobs, workers, (_, _) => Interlocked.Increment(ref finished));
            Assert.Equal(10, runs.Count);
            Assert.All(runs.Values, n => Assert.Equal(1, n));
            Assert.Equal(11, finished);
            Assert.Equal("boom", Assert.Single(failures).Value.Message);
        }
    }

    [Fact]
    public void PartialReportsAdvanceByTheirShareOfTheCostAndTheRestComesAtTheEnd()
    {
        var steps = new List<double>();
        var gate = new Lock();
        Job job = new("long", 200, () =>
        {
            JobProgress.Report(0.25);
            JobProgress.Report(0.1); // going back is ignored
            JobProgress.Steps(4)(3);
        });
        JobRunner.Run([job], 1, advanced: d => { lock (gate) steps.Add(d); });
        Assert.Equal([50.0, 100.0, 50.0], steps);
        JobProgress.Report(0.5); // outside a pool: nothing happens
    }

    [Fact]
    public void AfterAnInterruptionNoNewJobStartsAndRunningOnesStopAtTheirNextReport()
    {
        using var interruption = Verify.Figures.Io.Interruption.Manual();
        using var scope = interruption.Enter();
        int started = 0;
        var jobs = Enumerable.Range(0, 5).Select(i => new Job("j" + i, 10 - i, () =>
        {
            Interlocked.Increment(ref started);
            interruption.Request(System.Runtime.InteropServices.PosixSignal.SIGINT);
            JobProgress.Report(0.5);
            throw new InvalidOperationException("not reached");
        })).ToArray();
        var failures = JobRunner.Run(jobs, 1);
        Assert.Equal(1, started);
        Assert.IsType<OperationCanceledException>(Assert.Single(failures).Value);
    }

    [Fact]
    public void RestoresTheGemmThreadCount()
    {
        int before = Networks.Native.Gemm.Threads;
        JobRunner.Run([new Job("a", 1, () => Assert.Equal(1, Networks.Native.Gemm.Threads)), new Job("b", 1, () => { })], 2);
        Assert.Equal(before, Networks.Native.Gemm.Threads);
    }
}
