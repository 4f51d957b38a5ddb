using Orleans.Concurrency;

namespace Actors.Contracts.Documents;

/// <summary>The checks made of one code (known or not), newest first, for supervisors.</summary>
public interface IDocumentCheckLogGrain : IGrainWithStringKey
{
    Task Append(DocumentCheck check);

    [ReadOnly]
    Task<IReadOnlyList<DocumentCheck>> Recent();
}
