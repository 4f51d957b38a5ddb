namespace Actors.Persistence.ReadModels;

/// <summary><c>ReadModels</c> settings of a host that answers lists and counts from PostgreSQL (the API, a silo hosting it).</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModels";

    /// <summary>What a host does unless told otherwise: four queries at once (see <see cref="MaxConcurrentQueries"/>).</summary>
    public const int DefaultMaxConcurrentQueries = 4;

    /// <summary>
    /// How many read-model queries (list pages, counts, progress figures) one host runs on PostgreSQL at once; the next
    /// ones wait their turn, first come first served. A list page is CPU work for the database: past about twice
    /// its cores, more at once only share the same cores more finely, and the slowest answers grow. On two cores at
    /// sixteen clients the supervisor's page had a p99 of 61–85 ms unbounded and 32–43 ms at four, for up to a tenth fewer
    /// pages a second (docs/benchmarks.md, session 41). Set it to about twice PostgreSQL's cores divided by the hosts that
    /// answer lists; 0 removes the bound.
    /// </summary>
    public int MaxConcurrentQueries { get; set; } = DefaultMaxConcurrentQueries;
}
