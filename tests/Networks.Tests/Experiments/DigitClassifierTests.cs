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

    /// <summary>
    /// Translate moves a lone bright pixel by the (dy, dx) it draws (dy then dx per image, replayed here from a copy of the
    /// Rng), fills the rest with the background, and drops the pixel when it leaves the image. Over 2,500 images every one
    /// of the 25 offsets of shift 2 occurs: a uniform draw misses a given offset with probability (24/25)^2500 &lt; 1e-44.
    /// </summary>
    [Fact]
    public void TranslateMovesEachImageByItsDrawnOffsetAndFillsTheBackground()
    {
        const int n = 2500, shift = 2;
        var pixels = new double[n * 784];
        for (int i = 0; i < n; i++) pixels.AsSpan(i * 784, 784).Fill(-1);
        for (int i = 0; i < n; i++) pixels[i * 784 + (i % 2 == 0 ? 14 * 28 + 14 : 0)] = 1; // centre, or the corner (0, 0)
        var output = DigitClassifier<double>.Translate(Tensor.FromDouble<double>(pixels, n, 784), shift, new Rng(4), -1.0).ToDoubleArray();
        var replay = new Rng(4);
        var seen = new HashSet<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            int dy = replay.NextInt(5) - 2, dx = replay.NextInt(5) - 2;
            seen.Add((dy, dx));
            int r = i % 2 == 0 ? 14 : 0, c = r;
            var expected = Enumerable.Repeat(-1.0, 784).ToArray();
            if (r + dy >= 0 && c + dx >= 0) expected[(r + dy) * 28 + c + dx] = 1;
            Assert.Equal(expected, output.AsSpan(i * 784, 784).ToArray());
        }
        Assert.Equal(25, seen.Count);
        Assert.Equal(pixels, DigitClassifier<double>.Translate(Tensor.FromDouble<double>(pixels, n, 784), 0, new Rng(4), -1.0).ToDoubleArray());
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

    /// <summary>
    /// The recipe (<see cref="DigitClassifier{T}.FitRecipe"/>: 6 epochs of batch 32, Adam 2e-3 falling linearly to 0,
    /// random shifts of ≤ 2 pixels) in float on the 8,000 training digits, judged on the 2,000 held out. Over seeds 0–4
    /// the engine got 98.15–98.60 % and PyTorch 1.13 97.80–98.30 % (bench/classifier/seeds.sh); 4 epochs without the shifts
    /// gave PyTorch 96.90–97.35 %.
    /// </summary>
    [Fact]
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
        classifier.FitRecipe(train, trainLabels, rng);
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
        Assert.Contains("shift must lie in 0–13", Assert.Throws<ArgumentException>(() => c.Fit(Tensor.Zeros<float>(2, 784), [1, 2], 1, 2, new Rng(1), shift: 14)).Message);
        Assert.Contains("[N, 784]", Assert.Throws<ArgumentException>(() => DigitClassifier<float>.Translate(Tensor.Zeros<float>(2, 10), 2, new Rng(1), 0f)).Message);
    }
}
