using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Actors.Tests.Architecture;

/// <summary>
/// Who depends on whom, by simple name, and the first chain that leads from one node to a forbidden one.
/// Two sources: the assembly references compiled into each assembly (what the code uses), and the test host's
/// deps.json (what each project declares: package and project references, even unused ones).
/// </summary>
public sealed class DependencyGraph(Func<string, IEnumerable<string>> edges)
{
    /// <summary>Assembly references of the assemblies in <paramref name="directory"/>; one missing there (a framework assembly) is a leaf.</summary>
    public static DependencyGraph FromAssemblyReferences(string directory) => new(name =>
    {
        var path = Path.Combine(directory, name + ".dll");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(r => reader.GetString(reader.GetAssemblyReference(r).Name)).ToList();
    });

    /// <summary>The libraries of a deps.json and what each declares it depends on.</summary>
    public static DependencyGraph FromDepsJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var libraries = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                var name = library.Name.Split('/')[0];
                var dependencies = library.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name).ToList() : [];
                libraries[name] = dependencies;
            }
        }

        return new DependencyGraph(name => libraries.GetValueOrDefault(name) ?? []);
    }

    /// <summary>The shortest chain from <paramref name="root"/> to a node <paramref name="forbidden"/> matches, or null.</summary>
    public IReadOnlyList<string>? PathTo(string root, Func<string, bool> forbidden)
    {
        var parents = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [root] = null };
        var queue = new Queue<string>([root]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!string.Equals(node, root, StringComparison.OrdinalIgnoreCase) && forbidden(node))
            {
                var chain = new List<string>();
                for (string? at = node; at is not null; at = parents[at])
                {
                    chain.Insert(0, at);
                }

                return chain;
            }

            foreach (var next in edges(node))
            {
                if (parents.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
