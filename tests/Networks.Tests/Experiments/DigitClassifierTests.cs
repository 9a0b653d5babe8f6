using Verify.Networks.Experiments;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Verify.Toys.Images;
using Xunit;

namespace Verify.Networks.Tests.Experiments;

public sealed class DigitClassifierTests
{
    [Fact]
    public void CrossEntropyIsMinusLogSoftmaxAndItsGradientSoftmaxMinusOneHot()
    {
        double[] raw = [2.0, -1.0, 0.5, 0, 0, 0, 0, 0, 0, 3.0, 100.0, 99.0, 0, 0, 0, 0, 0, 0, 0, -50.0];
        var logits = Tensor.FromDouble<double>(raw, 2, 10);
        logits.RequiresGrad = true;
        int[] labels = [2, 1];
        var loss = DigitClassifier<double>.CrossEntropy(logits, labels);
        double expected = 0;
        var softmax = new double[20];
        for (int i = 0; i < 2; i++)
        {
            double max = raw.Skip(10 * i).Take(10).Max();
            double z = raw.Skip(10 * i).Take(10).Sum(v => Math.Exp(v - max));
            expected += (Math.Log(z) + max - raw[10 * i + labels[i]]) / 2;
            for (int c = 0; c < 10; c++) softmax[10 * i + c] = Math.Exp(raw[10 * i + c] - max) / z;
        }
        Tolerance.Close(expected, loss.Item(), rel: 1e-14);
        loss.Backward();
        for (int i = 0; i < 2; i++) softmax[10 * i + labels[i]] -= 1;
        Tolerance.Close(softmax.Select(v => v / 2).ToArray(), logits.Grad!.ToDoubleArray(), rel: 1e-12, abs: 1e-15);
    }

    /// <summary>
    /// Three Adam steps (2e-3) in double on one fixed batch of 32 held-in digits, from the weights <c>new Rng(3)</c> draws,
    /// against PyTorch 1.13 (float64, nn.Conv2d/nn.Linear/F.cross_entropy/optim.Adam loaded with the same weights and batch):
    /// its losses before each step, printed to full digits. The losses after the first step check the gradients and the
    /// Adam update together (the engine matched PyTorch's gradients and parameters to ~1e-15 when this was written).
    /// </summary>
    [Fact]
    public void ThreeAdamStepsMatchPyTorchOnAFixedBatch()
    {
        MnistSet set = Mnist.Load(symmetric: true);
        int[] rows = new Rng(2017).Permutation(set.Count)[..32];
        var pts = new double[32 * 784];
        for (int k = 0; k < 32; k++) set.Image(rows[k]).CopyTo(pts.AsSpan(k * 784, 784));
        int[] y = rows.Select(r => set.Labels[r]).ToArray();
        var classifier = new DigitClassifier<double>(new Rng(3));
        var opt = new Verify.Networks.Optim.Adam<double>(classifier.Parameters(), 2e-3);
        double[] pytorch = [2.300870537415371, 2.1001802140103476, 1.883953648590381];
        for (int step = 0; step < 3; step++)
        {
            opt.ZeroGrad();
            var loss = DigitClassifier<double>.CrossEntropy(classifier.Forward(Tensor.FromDouble<double>(pts, 32, 784)), y);
            Tolerance.Close(pytorch[step], loss.Item(), rel: 1e-13);
            loss.Backward();
            opt.Step();
        }
    }

    /// <summary>
    /// Fit's whole schedule against PyTorch 1.13 (float64): 2 epochs of batch 16 over the first 64 training digits, the
    /// learning rate falling linearly from 2e-3 to 0 per step, from the weights <c>new Rng(5).Split()</c> draws and the
    /// permutations Fit then draws from that Rng (bench/classifier: classifier-trace wrote the weights and batches,
    /// trace.py trained nn.Conv2d/nn.Linear/F.cross_entropy/optim.Adam on them). Each loss before a step, to full digits.
    /// With the rate held at 2e-3 (the bug this caught: the step counter was advanced inside <c>onStep?.Invoke(++step)</c>,
    /// which C# skips when there is no callback) the third loss is already 2.25199… against 2.24844….
    /// </summary>
    [Fact]
    public void FitsTwoEpochsWithTheDecayingRateAsPyTorchDoes()
    {
        var (x, y) = TrainingDigits(64);
        var rng = new Rng(5);
        var classifier = new DigitClassifier<double>(rng.Split());
        var losses = new List<double>();
        var steps = new List<int>();
        classifier.Fit(x, y, epochs: 2, batch: 16, rng, learningRate: 2e-3, onLoss: (step, loss) => { steps.Add(step); losses.Add(loss); });
        double[] pytorch = [2.3001074569249185, 2.2293038028401013, 2.2484435484524083, 2.3242748561403705,
                            2.2534618777285957, 1.9720916074384083, 2.063258793069909, 1.9869171591092172];
        Assert.Equal(Enumerable.Range(0, 8), steps);
        Tolerance.Close(pytorch, losses.ToArray(), rel: 1e-12);
    }

    [Fact]
    public void AProgressCallbackDoesNotChangeTheTraining()
    {
        var (x, y) = TrainingDigits(48);
        double[] Train(bool withCallback)
        {
            var rng = new Rng(11);
            var classifier = new DigitClassifier<double>(rng.Split());
            int calls = 0;
            classifier.Fit(x, y, epochs: 2, batch: 16, rng, onStep: withCallback ? _ => calls++ : null);
            Assert.Equal(withCallback ? 6 : 0, calls);
            return classifier.Parameters().SelectMany(p => p.ToDoubleArray()).ToArray();
        }
        Assert.Equal(Train(withCallback: true), Train(withCallback: false));
    }

    /// <summary>The first <paramref name="n"/> of the tests' 8,000 training digits (the split <c>new Rng(2017)</c> draws).</summary>
    private static (Tensor<double>, int[]) TrainingDigits(int n)
    {
        MnistSet set = Mnist.Load(symmetric: true);
        int[] rows = new Rng(2017).Permutation(set.Count)[..n];
        var pts = new double[n * 784];
        for (int k = 0; k < n; k++) set.Image(rows[k]).CopyTo(pts.AsSpan(k * 784, 784));
        return (Tensor.FromDouble<double>(pts, n, 784), rows.Select(r => set.Labels[r]).ToArray());
    }

    [Fact(Skip = "not yet: with this split (Rng 2017) and 4 epochs of batch 32 at Adam 2e-3 the engine gives 96.35/97.40/97.05 % " +
                 "held out at seeds 7/1/2 (97.25 % with the seed verify images derives from seed 0); PyTorch 1.13 on the same split gives 97.05–97.35 % over seeds 0–5 and 7, so 97 % is borderline " +
                 "for this budget, and at 3e-3 the engine (96.10–96.85 %, seeds 0,1,2,7) trails PyTorch (97.20–97.65 %, seeds 0–5): unexplained, " +
                 "see ThreeAdamStepsMatchPyTorchOnAFixedBatch for what does match. Takes ~1 min on the loaded machine.")]
    public void ReachesNinetySevenPercentOnHeldOutDigitsWithAFixedSeed()
    {
        MnistSet set = Mnist.Load(symmetric: true);
        int[] perm = new Rng(2017).Permutation(set.Count);
        (Tensor<float>, int[]) Take(int[] rows)
        {
            var pts = new double[rows.Length * 784];
            for (int k = 0; k < rows.Length; k++) set.Image(rows[k]).CopyTo(pts.AsSpan(k * 784, 784));
            return (Tensor.FromDouble<float>(pts, rows.Length, 784), rows.Select(r => set.Labels[r]).ToArray());
        }
        var (train, trainLabels) = Take(perm[..8000]);
        var (test, testLabels) = Take(perm[8000..]);
        var rng = new Rng(7);
        var classifier = new DigitClassifier<float>(rng.Split());
        classifier.Fit(train, trainLabels, epochs: 4, batch: 32, rng);
        double accuracy = classifier.Accuracy(test, testLabels);
        Assert.True(accuracy >= 0.97, $"held-out accuracy {accuracy}");
        Assert.Equal(DigitClassifier<float>.FeatureDimension, classifier.Features(test).Cols);
    }

    [Fact]
    public void BadInputIsRefusedByName()
    {
        var c = new DigitClassifier<float>(new Rng(1));
        Assert.Contains("[N, 784]", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros<float>(2, 10))).Message);
        Assert.Contains("label 0 is 12", Assert.Throws<ArgumentException>(() => DigitClassifier<float>.CrossEntropy(Tensor.Zeros<float>(1, 10), [12])).Message);
        Assert.Contains("2 labels for 3 images", Assert.Throws<ArgumentException>(() => c.Accuracy(Tensor.Zeros<float>(3, 784), [1, 2])).Message);
    }
}
