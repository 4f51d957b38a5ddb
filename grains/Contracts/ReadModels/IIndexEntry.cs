namespace Actors.Contracts.ReadModels;

/// <summary>A row of a read model: one per aggregate (<see cref="Id"/>); the highest <see cref="Version"/> wins.</summary>
public interface IIndexEntry
{
    Guid Id { get; }

    long Version { get; }
}
