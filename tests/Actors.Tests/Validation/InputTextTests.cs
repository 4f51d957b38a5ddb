using Actors.Api.GraphQL;
using GraphQL;

namespace Actors.Tests.Validation;

/// <summary>The tightened checks of free text and dates, one refusal each with its field and reason.</summary>
public sealed class InputTextTests
{
    private const string Field = "input.applicant.givenName";

    private static (string? Field, string? Reason, string? Code) Refusal(Action check)
    {
        var error = Assert.ThrowsAny<ExecutionError>(check);
        return (error.Data["field"] as string, error.Data["reason"] as string, error.Code);
    }

    [Theory]
    [InlineData("12345678\n")]
    [InlineData("12345678\r\n")]
    [InlineData("\n12345678")]
    public void A_card_number_with_a_line_break_is_refused(string card)
    {
        var (field, _, code) = Refusal(() => InputText.NationalIdNumber(card, "input.applicant.nationalIdNumber"));
        Assert.Equal("BAD_USER_INPUT", code);
        Assert.Equal("input.applicant.nationalIdNumber", field);
    }

    [Fact]
    public void A_card_number_with_surrounding_spaces_is_still_read()
    {
        Assert.Equal("01234567", InputText.NationalIdNumber(" 01234567 ", "input.applicant.nationalIdNumber"));
    }

    [Theory]
    [InlineData("Amira")]
    [InlineData("ياسمين")]
    [InlineData("مُحَمَّد")]
    [InlineData("Ben Salah-Trabelsi")]
    [InlineData("عبد الله Ben Ali")]
    [InlineData("Zoë D'Arc")]
    [InlineData("Ελένη")]
    public void Real_names_in_one_script_per_word_pass(string name)
    {
        Assert.Equal(name, InputText.PersonName(name, Field));
    }

    [Theory]
    [InlineData("Аmira")] // a Cyrillic А in a Latin word
    [InlineData("Amira Вen")] // Latin and Cyrillic words in one name
    [InlineData("Αmira")] // a Greek Alpha in a Latin word
    [InlineData("Ahmedأحمد")] // Arabic and Latin in one word
    public void Names_that_mix_scripts_are_refused(string name)
    {
        var (field, reason, code) = Refusal(() => InputText.PersonName(name, Field));
        Assert.Equal("BAD_USER_INPUT", code);
        Assert.Equal(Field, field);
        Assert.Equal(InputRefusals.MixedScripts, reason);
    }

    [Fact]
    public void A_letter_may_carry_a_few_marks_but_not_a_pile_of_them()
    {
        Assert.Equal("مَّٰ", InputText.PersonName("مَّٰ", Field));
        // q has no precomposed accented form, so normalisation (NFC) leaves every mark in place.
        var zalgo = "Aq" + new string('\u0301', InputText.MaxCombiningMarksPerLetter + 1) + "mira";
        var (field, reason, _) = Refusal(() => InputText.PersonName(zalgo, Field));
        Assert.Equal(Field, field);
        Assert.Equal(InputRefusals.TooManyCombiningMarks, reason);
    }

    [Theory]
    [InlineData("amira@example.tn")]
    [InlineData("amira.ben-salah+cin@mail.example.tn")]
    public void Mailboxes_pass(string email)
    {
        Assert.Equal(email, InputText.EmailAddress(email, "input.contact.email"));
    }

    [Theory]
    [InlineData("amira@example.tn\n")]
    [InlineData("Amira <amira@example.tn>")]
    [InlineData("amira@@example.tn")]
    [InlineData("amira@example@tn.tn")]
    [InlineData("\"amira\"@example.tn")]
    [InlineData("amira@[127.0.0.1]")]
    [InlineData("amira@localhost")]
    [InlineData("amira@-example.tn")]
    [InlineData("amira(comment)@example.tn")]
    [InlineData("amira@example.tn, other@example.tn")]
    public void What_is_not_one_mailbox_is_refused(string email)
    {
        var (field, reason, code) = Refusal(() => InputText.EmailAddress(email, "input.contact.email"));
        Assert.Equal("BAD_USER_INPUT", code);
        Assert.Equal("input.contact.email", field);
        Assert.Contains(reason, new[] { InputRefusals.NotAnEmailAddress, InputRefusals.TrailingNewline });
    }

    [Fact]
    public void Addresses_longer_than_the_standard_allows_are_refused()
    {
        var longLocal = new string('a', 65) + "@example.tn";
        Assert.Equal(InputRefusals.NotAnEmailAddress, Refusal(() => InputText.EmailAddress(longLocal, "input.contact.email")).Reason);
        var longDomain = "a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".tn";
        Assert.Equal(InputRefusals.NotAnEmailAddress, Refusal(() => InputText.EmailAddress(longDomain, "input.contact.email")).Reason);
    }

    [Fact]
    public void Dates_outside_their_window_are_refused_with_the_field()
    {
        var earliest = new DateOnly(1900, 1, 1);
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(today, InputText.DateWithin(today, "input.applicant.birthDate", earliest, today, "a past day"));
        Assert.Equal(earliest, InputText.DateWithin(earliest, "input.applicant.birthDate", earliest, today, "a past day"));
        foreach (var bad in new[] { today.AddDays(1), earliest.AddDays(-1) })
        {
            var (field, reason, _) = Refusal(() => InputText.DateWithin(bad, "input.applicant.birthDate", earliest, today, "a past day"));
            Assert.Equal("input.applicant.birthDate", field);
            Assert.Equal(InputRefusals.DateOutOfRange, reason);
        }
    }
}
