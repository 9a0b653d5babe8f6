using System.Runtime.CompilerServices;

// The engine's tests check internal kernels and shape rules directly.
[assembly: InternalsVisibleTo("Networks.Tests")]
