using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>The cluster's holder keys: the keyed one every silo computes alike, and whether legacy holders are still written.</summary>
public interface IDocumentHolderKeys
{
    string KeyOf(Applicant applicant);

    /// <summary>True during a rollout from a release that knew only the unkeyed key (<c>Documents:KeepLegacyHolders</c>).</summary>
    bool KeepsLegacyHolders { get; }
}
