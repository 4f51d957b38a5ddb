using Actors.Tests.Infrastructure;

namespace Actors.Tests.Faults;

/// <summary>
/// Fault tests: real silo and API processes on one shared throwaway PostgreSQL server (a database per test). They run
/// alone, not beside other collections: they kill processes and measure recovery, which two busy cores would distort.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "faults";
}
