using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TrialAccess.Recruitment.Participants;

/// <summary>
/// A participant's pseudonymous study subject id (the site's screening or trial number, or a referral id): 1-40
/// letters, digits and '-', '_', '.', '/'. Never a name: text with a space is refused, so "Jane Smith" cannot be
/// entered as an id.
/// </summary>
public readonly partial record struct StudySubjectId
{
    private StudySubjectId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out StudySubjectId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text.Trim()))
        {
            return false;
        }

        id = new StudySubjectId(text.Trim());
        return true;
    }

    public static StudySubjectId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a study subject id.");

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")]
    private static partial Regex Pattern();
}
