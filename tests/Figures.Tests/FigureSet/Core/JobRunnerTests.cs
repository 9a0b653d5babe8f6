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
    public void RestoresTheGemmThreadCount()
    {
        int before = Networks.Native.Gemm.Threads;
        JobRunner.Run([new Job("a", 1, () => Assert.Equal(1, Networks.Native.Gemm.Threads)), new Job("b", 1, () => { })], 2);
        Assert.Equal(before, Networks.Native.Gemm.Threads);
    }
}
