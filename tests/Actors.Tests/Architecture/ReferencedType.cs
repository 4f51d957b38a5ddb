namespace Actors.Tests.Architecture;

/// <summary>A type named in metadata, with the simple name of the assembly that defines it.</summary>
public sealed record ReferencedType(string Assembly, string FullName)
{
    public override string ToString() => $"{FullName} ({Assembly})";
}
