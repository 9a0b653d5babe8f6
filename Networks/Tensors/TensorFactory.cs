using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;

namespace Verify.Networks.Tensors;

/// <summary>
/// Front door of the engine: tensor factories (this file) and every differentiable op (the other <c>Tensor.*.cs</c> files).
/// Ops record themselves for autodiff when grad mode is on and an input requires grad; their backward rules are in
/// <see cref="Derivatives"/>. See <see cref="Tensor{T}"/> for an overview of the whole API.
/// </summary>
public static partial class Tensor
{
    internal static Tensor<T> Empty<T>(int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
        => new(TensorPool<T>.Rent(ShapeOps.Count(shape)), shape);

    internal static Tensor<T> Wrap<T>(T[] data, int[] shape) where T : unmanaged, IFloatingPointIeee754<T> => new(data, shape);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor<T> Zeros<T>(params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
        => new(new T[ShapeOps.Count(shape)], (int[])shape.Clone());

    /// <summary>A tensor of ones.</summary>
    public static Tensor<T> Ones<T>(params int[] shape) where T : unmanaged, IFloatingPointIeee754<T> => Full(T.One, shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor<T> Full<T>(T value, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Empty<T>((int[])shape.Clone());
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A rank-0 tensor.</summary>
    public static Tensor<T> Scalar<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => new([value], []);

    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major) with the given shape (default: a vector).</summary>
    public static Tensor<T> From<T>(T[] data, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] s = shape.Length == 0 ? [data.Length] : (int[])shape.Clone();
        if (ShapeOps.Count(s) != data.Length)
            throw new ArgumentException($"data has {data.Length} values but shape {ShapeOps.Show(s)} needs {ShapeOps.Count(s)}", nameof(data));
        return new((T[])data.Clone(), s);
    }

    /// <summary>A matrix holding a copy of a 2-D array.</summary>
    public static Tensor<T> From<T>(T[,] data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        int m = data.GetLength(0), n = data.GetLength(1);
        var t = Empty<T>([m, n]);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) t.data[i * n + j] = data[i, j];
        return t;
    }

    /// <summary>A tensor of <typeparamref name="T"/> converted from doubles (row-major), shape default: a vector.</summary>
    public static Tensor<T> FromDouble<T>(double[] data, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] s = shape.Length == 0 ? [data.Length] : (int[])shape.Clone();
        if (ShapeOps.Count(s) != data.Length)
            throw new ArgumentException($"data has {data.Length} values but shape {ShapeOps.Show(s)} needs {ShapeOps.Count(s)}", nameof(data));
        var t = Empty<T>(s);
        for (int i = 0; i < data.Length; i++) t.data[i] = T.CreateChecked(data[i]);
        return t;
    }

    /// <summary>A matrix of <typeparamref name="T"/> converted from a 2-D array of doubles.</summary>
    public static Tensor<T> FromDouble<T>(double[,] data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        int m = data.GetLength(0), n = data.GetLength(1);
        var t = Empty<T>([m, n]);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) t.data[i * n + j] = T.CreateChecked(data[i, j]);
        return t;
    }

    /// <summary>Zeros with the shape of <paramref name="like"/>.</summary>
    public static Tensor<T> ZerosLike<T>(Tensor<T> like) where T : unmanaged, IFloatingPointIeee754<T> => Zeros<T>(like.shape);

    /// <summary>Ones with the shape of <paramref name="like"/>.</summary>
    public static Tensor<T> OnesLike<T>(Tensor<T> like) where T : unmanaged, IFloatingPointIeee754<T> => Ones<T>(like.shape);

    /// <summary>Independent U(lo, hi) values from <paramref name="rng"/> (row-major order).</summary>
    public static Tensor<T> Uniform<T>(Rng rng, double lo, double hi, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Empty<T>((int[])shape.Clone());
        rng.FillUniform(t.Span, lo, hi);
        return t;
    }

    /// <summary>Independent N(mean, std²) values from <paramref name="rng"/> (row-major order).</summary>
    public static Tensor<T> Normal<T>(Rng rng, double mean, double std, params int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Empty<T>((int[])shape.Clone());
        rng.FillNormal(t.Span, mean, std);
        return t;
    }

    /// <summary>A copy converted to another element type (a leaf: conversion is not recorded).</summary>
    public static Tensor<TOut> Cast<TIn, TOut>(Tensor<TIn> x)
        where TIn : unmanaged, IFloatingPointIeee754<TIn> where TOut : unmanaged, IFloatingPointIeee754<TOut>
    {
        var t = Empty<TOut>((int[])x.shape.Clone());
        for (int i = 0; i < x.Length; i++) t.data[i] = TOut.CreateChecked(x.data[i]);
        return t;
    }

    /// <summary>True when ops on these inputs must be recorded.</summary>
    internal static bool Needs<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
        => a.RequiresGrad && GradMode.Enabled;

    internal static bool Needs<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => (a.RequiresGrad || b.RequiresGrad) && GradMode.Enabled;

    internal static Tensor<T> Record<T>(Tensor<T> y, string op, BackwardRule<T> rule, params Tensor<T>[] inputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        y.Node = new Node<T>(op, inputs, rule);
        return y;
    }
}
