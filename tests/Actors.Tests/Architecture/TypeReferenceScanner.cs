using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Actors.Tests.Architecture;

/// <summary>
/// Every type each top-level type of an assembly names in its metadata: base type, interfaces, generic constraints,
/// field, method, property and event signatures, attributes, and in method bodies the locals, caught exceptions and
/// every type, method or field token of the IL. Nested types (closures, state machines) count for their outermost type.
/// What the compiler erased (a <c>using</c> with nothing used, a <c>nameof</c>) is not a use and is not seen.
/// </summary>
public static class TypeReferenceScanner
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value, op => op.OperandType);

    /// <summary>Top-level type full name → the types it names (its own assembly's included).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<ReferencedType>> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var own = reader.GetString(reader.GetAssemblyDefinition().Name);
        var scan = new Scanner(reader, pe, own);
        var result = new Dictionary<string, HashSet<ReferencedType>>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = MetadataNames.Of(reader, MetadataNames.Outermost(reader, handle));
            if (!result.TryGetValue(owner, out var found))
            {
                result[owner] = found = [];
            }

            scan.Type(handle, found);
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlySet<ReferencedType>)p.Value, StringComparer.Ordinal);
    }

    private sealed class Scanner(MetadataReader reader, PEReader pe, string own)
    {
        private readonly SignatureTypes _signatures = new(own);

        public void Type(TypeDefinitionHandle handle, HashSet<ReferencedType> found)
        {
            var type = reader.GetTypeDefinition(handle);
            Entity(type.BaseType, found);
            foreach (var i in type.GetInterfaceImplementations())
            {
                Entity(reader.GetInterfaceImplementation(i).Interface, found);
            }

            GenericParameters(type.GetGenericParameters(), found);
            Attributes(type.GetCustomAttributes(), found);
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                found.UnionWith(field.DecodeSignature(_signatures, null));
                Attributes(field.GetCustomAttributes(), found);
            }

            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                found.UnionWith(SignatureTypes.All(property.DecodeSignature(_signatures, null)));
                Attributes(property.GetCustomAttributes(), found);
            }

            foreach (var e in type.GetEvents())
            {
                var ev = reader.GetEventDefinition(e);
                Entity(ev.Type, found);
                Attributes(ev.GetCustomAttributes(), found);
            }

            foreach (var m in type.GetMethodImplementations())
            {
                Entity(reader.GetMethodImplementation(m).MethodDeclaration, found);
            }

            foreach (var m in type.GetMethods())
            {
                Method(reader.GetMethodDefinition(m), found);
            }
        }

        private void Method(MethodDefinition method, HashSet<ReferencedType> found)
        {
            found.UnionWith(SignatureTypes.All(method.DecodeSignature(_signatures, null)));
            GenericParameters(method.GetGenericParameters(), found);
            Attributes(method.GetCustomAttributes(), found);
            foreach (var p in method.GetParameters())
            {
                Attributes(reader.GetParameter(p).GetCustomAttributes(), found);
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return; // abstract, extern or an interface member: no body
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_signatures, null);
                found.UnionWith(locals.SelectMany(l => l));
            }

            foreach (var region in body.ExceptionRegions)
            {
                Entity(region.CatchType, found);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = (short)(0xFE00 | il.ReadByte());
                }

                switch (Operands[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()), found);
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read first: "Offset += Read()" would add to the offset before the read
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineNone:
                        break;
                    default:
                        throw new InvalidOperationException($"IL opcode 0x{code:X} has an operand this scanner does not know.");
                }
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters, HashSet<ReferencedType> found)
        {
            foreach (var g in parameters)
            {
                foreach (var c in reader.GetGenericParameter(g).GetConstraints())
                {
                    Entity(reader.GetGenericParameterConstraint(c).Type, found);
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes, HashSet<ReferencedType> found)
        {
            foreach (var a in attributes)
            {
                Entity(reader.GetCustomAttribute(a).Constructor, found);
            }
        }

        private void Entity(EntityHandle handle, HashSet<ReferencedType> found)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    found.Add(new ReferencedType(own, MetadataNames.Of(reader, (TypeDefinitionHandle)handle)));
                    break;
                case HandleKind.TypeReference:
                    found.Add(MetadataNames.Resolve(reader, (TypeReferenceHandle)handle, own));
                    break;
                case HandleKind.TypeSpecification:
                    found.UnionWith(reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_signatures, null));
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent, found);
                    found.UnionWith(member.GetKind() == MemberReferenceKind.Method
                        ? SignatureTypes.All(member.DecodeMethodSignature(_signatures, null))
                        : member.DecodeFieldSignature(_signatures, null));
                    break;
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    Entity(method.GetDeclaringType(), found);
                    found.UnionWith(SignatureTypes.All(method.DecodeSignature(_signatures, null)));
                    break;
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    Entity(field.GetDeclaringType(), found);
                    found.UnionWith(field.DecodeSignature(_signatures, null));
                    break;
                case HandleKind.MethodSpecification:
                    var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method, found);
                    found.UnionWith(spec.DecodeSignature(_signatures, null).SelectMany(t => t));
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        found.UnionWith(SignatureTypes.All(signature.DecodeMethodSignature(_signatures, null)));
                    }

                    break;
                default:
                    break; // module references and the like name no type
            }
        }
    }
}
