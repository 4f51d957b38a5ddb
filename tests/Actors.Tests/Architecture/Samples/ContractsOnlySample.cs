using Actors.Contracts.Requests;

namespace Actors.Tests.Architecture.Samples;

/// <summary>What the GraphQL code may do: name contracts only.</summary>
internal static class ContractsOnlySample
{
    public static RequestStatus First() => RequestStatus.Submitted;
}
