namespace Actors.Contracts.Documents;

/// <summary>A sliding-window counter for one client address or one code (key "address:…" or "code:…"), kept in memory.</summary>
public interface IDocumentCheckGateGrain : IGrainWithStringKey
{
    /// <summary>Counts one check; null when it may go ahead, else how long until it may.</summary>
    Task<TimeSpan?> Pass(int limit, TimeSpan window);
}
