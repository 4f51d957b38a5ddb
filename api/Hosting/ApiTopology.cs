namespace Actors.Api.Hosting;

/// <summary>
/// How the API reaches the grains in cluster mode (<c>Orleans:Topology</c>; embedded mode always co-hosts its silo).
/// </summary>
public enum ApiTopology
{
    /// <summary>An Orleans client: every grain call crosses a gateway connection to a silo process (a hop and a serialisation).</summary>
    Client,

    /// <summary>
    /// The API process runs a full silo of the PostgreSQL cluster (storage, clustering, reminders, outbox relay, its own
    /// silo and gateway ports) and calls grains in-process when they live here; plain silo processes may join the cluster.
    /// </summary>
    CoHosted,
}
