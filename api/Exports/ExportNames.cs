using System.Text;
using Actors.Contracts.Requests.Index;

namespace Actors.Api.Exports;

/// <summary>The names the export shares with the GraphQL schema: enum values in CONSTANT_CASE, columns as the fields of ProgressGroup.</summary>
public static class ExportNames
{
    /// <summary>NationalIdCard → NATIONAL_ID_CARD, as GraphQL.NET names enum values.</summary>
    public static string Constant(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }

    /// <summary>The enum value written as <paramref name="constant"/>, or null when there is none.</summary>
    public static TEnum? Parse<TEnum>(string constant)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => Constant(v.ToString()) == constant).Select(v => (TEnum?)v).FirstOrDefault();

    public static string Column(RequestDimension dimension) => dimension switch
    {
        RequestDimension.Kind => "kind",
        RequestDimension.Status => "status",
        RequestDimension.Governorate => "governorate",
        RequestDimension.Center => "center",
        RequestDimension.IsPupil => "isPupil",
        RequestDimension.SubmittedDay => "submittedDay",
        RequestDimension.School => "schoolCode",
        RequestDimension.SubmittedMonth => "submittedMonth",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>A group's value as the schema shows it: enums in CONSTANT_CASE, the rest as kept.</summary>
    public static string Value(RequestDimension dimension, string value) =>
        dimension is RequestDimension.Kind or RequestDimension.Status ? Constant(value) : value;
}
