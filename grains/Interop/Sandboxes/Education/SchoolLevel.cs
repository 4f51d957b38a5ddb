using System.Text.RegularExpressions;

namespace Actors.Interop.Sandboxes.Education;

/// <summary>
/// The level the sandbox register gives a pupil, from the grade the submission declared: the basic
/// education's years 1–6 are <c>primary</c>, 7–9 <c>preparatory</c>, and secondary school (a grade naming it,
/// or the baccalauréat) is <c>secondary</c>; a grade it cannot read, or none, is <c>secondary</c>, where most
/// pupils old enough for a first card are.
/// </summary>
public static partial class SchoolLevel
{
    public const string Primary = "primary";
    public const string Preparatory = "preparatory";
    public const string Secondary = "secondary";

    public static string FromGrade(string? grade)
    {
        if (string.IsNullOrWhiteSpace(grade) || SecondaryWords().IsMatch(grade))
        {
            return Secondary;
        }

        var number = FirstNumber().Match(grade);
        return number.Success && int.TryParse(number.Value, out var year)
            ? year switch
            {
                >= 1 and <= 6 => Primary,
                >= 7 and <= 9 => Preparatory,
                _ => Secondary,
            }
            : Secondary;
    }

    [GeneratedRegex(@"second|lyc[eé]e|\bbac|ثانوي", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondaryWords();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex FirstNumber();
}
