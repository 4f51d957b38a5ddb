using System.Buffers.Text;
using System.Text;

namespace Actors.TestSupport;

/// <summary>Builds global ids the way clients never should (they are opaque), to reach known demo objects.</summary>
public static class GlobalIds
{
    public static string Of(string typeName, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static string Center(string code) => Of("ServiceCenter", code);
}
