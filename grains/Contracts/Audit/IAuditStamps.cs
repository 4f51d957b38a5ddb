namespace Actors.Contracts.Audit;

/// <summary>Which audit stamps (<see cref="AuditStamp"/>) have committed beside a grain's state.</summary>
public interface IAuditStamps
{
    /// <summary>The entry ids among <paramref name="entryIds"/> whose stamp is committed.</summary>
    Task<IReadOnlySet<Guid>> CommittedAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken = default);
}
