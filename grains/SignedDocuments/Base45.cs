using System.Text;

namespace Actors.SignedDocuments;

/// <summary>
/// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric alphabet, so a QR code holds the sealed
/// document in alphanumeric mode (5.5 bits a character) instead of byte mode (8 bits).
/// </summary>
public static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length + 1) / 2 * 3);
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45 % 45]).Append(Alphabet[n / (45 * 45)]);
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45]);
        }

        return text.ToString();
    }

    /// <exception cref="DocumentFormatException">A character outside the alphabet, a dangling single character, or a group whose value does not fit its bytes.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length % 3 == 1)
        {
            throw new DocumentFormatException("The Base45 text has a dangling character (its length is one more than a multiple of three).");
        }

        var data = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var written = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            if (i + 2 < text.Length)
            {
                var n = Value(text, i) + (Value(text, i + 1) * 45) + (Value(text, i + 2) * 45 * 45);
                if (n > 0xFFFF)
                {
                    throw new DocumentFormatException($"The Base45 group at position {i} is larger than two bytes can hold.");
                }

                data[written++] = (byte)(n >> 8);
                data[written++] = (byte)n;
            }
            else
            {
                var n = Value(text, i) + (Value(text, i + 1) * 45);
                if (n > 0xFF)
                {
                    throw new DocumentFormatException($"The final Base45 group at position {i} is larger than one byte can hold.");
                }

                data[written++] = (byte)n;
            }
        }

        return data;
    }

    private static int Value(string text, int index)
    {
        var value = Alphabet.IndexOf(text[index], StringComparison.Ordinal);
        return value >= 0
            ? value
            : throw new DocumentFormatException($"The character '{text[index]}' at position {index} is not in the Base45 alphabet.");
    }
}
