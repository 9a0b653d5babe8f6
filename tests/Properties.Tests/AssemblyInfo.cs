using FsCheck.Xunit;
using Verify.TestSupport;

// Every [Property] in this assembly starts from the suite's fixed FsCheck seed, so CI sees the same cases on every run.
// A failure prints "Falsifiable, after N tests … Replay directly at failing step with (seed,γ,size)"; replay that case
// alone with [Property(Replay = "seed,γ,size")] on the test (README, "Property tests and replaying a failure").
[assembly: Properties(Replay = PropertySeed.Replay)]
