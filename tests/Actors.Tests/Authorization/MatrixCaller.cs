using Actors.Contracts.Identity;

namespace Actors.Tests.Authorization;

/// <summary>One column of the matrix as a test calls: anonymous (no role) or a role with its token.</summary>
public sealed record MatrixCaller(string Name, ActorRole? Role, string? Token)
{
    public override string ToString() => Name;
}
