using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;

namespace Actors.Api.TrustedDocuments;

/// <summary>
/// The registered operations, read from <c>operations/manifest.json</c> (embedded in this assembly) and parsed once:
/// an operation sent by hash is never lexed or parsed again. A manifest entry whose hash is not its document's,
/// or whose document is not one operation of that name, stops the host at startup instead of being trusted.
/// </summary>
public sealed class TrustedOperationRegistry
{
    internal const string ManifestResource = "TrustedDocuments/manifest.json";

    private readonly FrozenDictionary<string, TrustedOperation> byHash;

    private TrustedOperationRegistry(IEnumerable<TrustedOperation> operations)
    {
        byHash = operations.ToFrozenDictionary(operation => operation.Hash, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<TrustedOperation> Operations => byHash.Values;

    public static TrustedOperationRegistry FromAssembly()
    {
        using var stream = typeof(TrustedOperationRegistry).Assembly.GetManifestResourceStream(ManifestResource)
            ?? throw new InvalidOperationException($"The trusted operations' manifest ({ManifestResource}) is not embedded in the API assembly.");
        return Load(stream);
    }

    public static TrustedOperationRegistry Load(Stream manifest)
    {
        using var json = JsonDocument.Parse(manifest);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("operations/manifest.json must be an object from hash to { name, document }.");
        }

        var operations = new List<TrustedOperation>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var name = entry.Value.GetProperty("name").GetString() ?? string.Empty;
            var document = entry.Value.GetProperty("document").GetString() ?? string.Empty;
            if (HashOf(document) != entry.Name)
            {
                throw new InvalidDataException($"operations/manifest.json: the hash of {name} is not its document's; regenerate the manifest.");
            }

            operations.Add(new TrustedOperation(entry.Name, name, document, ParseSingleOperation(name, document)));
        }

        return new TrustedOperationRegistry(operations);
    }

    /// <summary>The hash clients send: SHA-256 of the document's UTF-8 bytes, lower-case hex (as Apollo's persisted queries).</summary>
    public static string HashOf(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public bool TryFind(string hash, out TrustedOperation operation)
    {
        if (byHash.TryGetValue(hash, out var found))
        {
            operation = found;
            return true;
        }

        operation = null!;
        return false;
    }

    private static GraphQLDocument ParseSingleOperation(string name, string document)
    {
        var parsed = Parser.Parse(document, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1 || operations[0].Name?.StringValue != name)
        {
            throw new InvalidDataException($"operations/manifest.json: {name} must hold exactly one operation, named {name}.");
        }

        return parsed;
    }
}
