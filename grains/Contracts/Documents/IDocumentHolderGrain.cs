namespace Actors.Contracts.Documents;

/// <summary>One holder's documents, keyed by a one-way holder key, so that a newer extract supersedes the older ones.</summary>
public interface IDocumentHolderGrain : IGrainWithStringKey
{
    Task<HolderStanding> Record(string number, DateTimeOffset issuedAt);
}
