using System.Runtime.CompilerServices;

// The transport tests drive internals directly: a forced warm start, the k-d tree, the blocked kernel's bound.
[assembly: InternalsVisibleTo("Theory.Tests")]
