using System.Reflection.Metadata;

namespace Actors.Tests.Architecture;

/// <summary>Full names of type definitions and references, and the assembly a reference points into.</summary>
internal static class MetadataNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Qualified(reader.GetString(type.Namespace), name) : Of(reader, declaring) + "+" + name;
    }

    /// <summary>The outermost type that declares this one: lambdas, iterators and async state machines count for the type whose code they are.</summary>
    public static TypeDefinitionHandle Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var declaring = reader.GetTypeDefinition(handle).GetDeclaringType();
        return declaring.IsNil ? handle : Outermost(reader, declaring);
    }

    public static ReferencedType Resolve(MetadataReader reader, TypeReferenceHandle handle, string ownAssembly)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.TypeReference:
                var outer = Resolve(reader, (TypeReferenceHandle)scope, ownAssembly);
                return outer with { FullName = outer.FullName + "+" + name };
            case HandleKind.AssemblyReference:
                var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                return new ReferencedType(assembly, Qualified(reader.GetString(reference.Namespace), name));
            default:
                return new ReferencedType(ownAssembly, Qualified(reader.GetString(reference.Namespace), name));
        }
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
