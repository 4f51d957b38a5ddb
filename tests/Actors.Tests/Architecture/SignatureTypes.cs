using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Actors.Tests.Architecture;

/// <summary>
/// Decodes signatures (fields, methods, locals, generic instantiations) into every type they name, generic arguments
/// included: <c>Task&lt;IReadOnlyList&lt;PostgresRequestIndex&gt;&gt;</c> names three types, one of them a persistence type.
/// </summary>
internal sealed class SignatureTypes(string ownAssembly) : ISignatureTypeProvider<ImmutableArray<ReferencedType>, object?>
{
    public ImmutableArray<ReferencedType> GetArrayType(ImmutableArray<ReferencedType> elementType, ArrayShape shape) => elementType;

    public ImmutableArray<ReferencedType> GetByReferenceType(ImmutableArray<ReferencedType> elementType) => elementType;

    public ImmutableArray<ReferencedType> GetGenericInstantiation(ImmutableArray<ReferencedType> genericType, ImmutableArray<ImmutableArray<ReferencedType>> typeArguments) =>
        genericType.AddRange(typeArguments.SelectMany(t => t));

    public ImmutableArray<ReferencedType> GetPointerType(ImmutableArray<ReferencedType> elementType) => elementType;

    public ImmutableArray<ReferencedType> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

    public ImmutableArray<ReferencedType> GetSZArrayType(ImmutableArray<ReferencedType> elementType) => elementType;

    public ImmutableArray<ReferencedType> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [new ReferencedType(ownAssembly, MetadataNames.Of(reader, handle))];

    public ImmutableArray<ReferencedType> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        [MetadataNames.Resolve(reader, handle, ownAssembly)];

    public ImmutableArray<ReferencedType> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public ImmutableArray<ReferencedType> GetFunctionPointerType(MethodSignature<ImmutableArray<ReferencedType>> signature) => All(signature);

    // A generic parameter names no type of its own; its constraints are read from the parameter's definition.
    public ImmutableArray<ReferencedType> GetGenericMethodParameter(object? genericContext, int index) => [];

    public ImmutableArray<ReferencedType> GetGenericTypeParameter(object? genericContext, int index) => [];

    public ImmutableArray<ReferencedType> GetModifiedType(ImmutableArray<ReferencedType> modifier, ImmutableArray<ReferencedType> unmodifiedType, bool isRequired) =>
        unmodifiedType;

    public ImmutableArray<ReferencedType> GetPinnedType(ImmutableArray<ReferencedType> elementType) => elementType;

    public static ImmutableArray<ReferencedType> All(MethodSignature<ImmutableArray<ReferencedType>> signature) =>
        signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(p => p));
}
