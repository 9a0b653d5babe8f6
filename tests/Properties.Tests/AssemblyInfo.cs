using FsCheck.Xunit;

// Every [Property] in this assembly starts from this fixed FsCheck seed (seed, γ), so CI sees the same cases on every run.
// A failure prints "Falsifiable, after N tests … (seed,γ)"; replay that case with [Property(Replay = "seed,γ")] on the test.
[assembly: Properties(Replay = "20260101,40503")]
