using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Toys.Images;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The 10,000 MNIST digits of the image experiments, pixels scaled to [−1, 1] (the range of the generators' tanh), split
/// once by a fixed permutation (seed <see cref="SplitSeed"/>, whatever the run's seed) into 8,000 training digits and
/// 2,000 held-out digits. GANs and the classifier train on the first; critic estimates, exact batch W₁ and accuracy are
/// measured on the second. Loaded once per process.
/// </summary>
public static class Digits
{
    /// <summary>The seed of the fixed train/held-out permutation.</summary>
    public const int SplitSeed = 20_17;

    /// <summary>Held-out digits.</summary>
    public const int HeldOutCount = 2000;

    private static readonly Lazy<(SampleSet<float> Train, int[] TrainLabels, SampleSet<float> HeldOut, int[] HeldOutLabels)> Split = new(() =>
    {
        MnistSet set = Mnist.Load(symmetric: true);
        int[] perm = new Rng(SplitSeed).Permutation(set.Count);
        int nTrain = set.Count - HeldOutCount;
        (SampleSet<float>, int[]) Take(int[] rows)
        {
            var pts = new double[rows.Length * MnistSet.Pixels];
            for (int k = 0; k < rows.Length; k++) set.Image(rows[k]).CopyTo(pts.AsSpan(k * MnistSet.Pixels, MnistSet.Pixels));
            int[] labels = rows.Select(r => set.Labels[r]).ToArray();
            return (new SampleSet<float>(pts, MnistSet.Pixels), labels);
        }
        var (train, trainLabels) = Take(perm[..nTrain]);
        var (held, heldLabels) = Take(perm[nTrain..]);
        return (train, trainLabels, held, heldLabels);
    });

    /// <summary>The 8,000 training digits, [8000, 784] in [−1, 1].</summary>
    public static SampleSet<float> Train => Split.Value.Train;

    /// <summary>Labels of <see cref="Train"/>.</summary>
    public static int[] TrainLabels => Split.Value.TrainLabels;

    /// <summary>The 2,000 held-out digits.</summary>
    public static SampleSet<float> HeldOut => Split.Value.HeldOut;

    /// <summary>Labels of <see cref="HeldOut"/>.</summary>
    public static int[] HeldOutLabels => Split.Value.HeldOutLabels;

    /// <summary>Rows of a set as doubles, [n·784].</summary>
    public static double[] Rows(SampleSet<float> set, int[] rows) => Tensor.GatherRows(set.Data, rows).ToDoubleArray();
}
