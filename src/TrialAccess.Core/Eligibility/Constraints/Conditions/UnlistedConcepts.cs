using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// How a concept the vocabulary does not name (read by <see cref="UnlistedConceptParser"/>) is checked: the record's
/// conditions and treatments, then its words, are searched for the concept's words, and an answer that would fail the
/// patient (the concept found for an exclusion, presumed absent for an inclusion) becomes the question instead, with
/// what was found as its evidence. The engine cannot know the record's other names for such a concept, so it never
/// counts against the patient.
/// </summary>
internal static partial class UnlistedConcepts
{
    public static ConstraintCheck InPatientsFavour(EligibilityConstraint constraint, ConstraintCheck check, PatientProfile patient, string concept, string question)
    {
        if ((check.Outcome == CriterionOutcome.Unknown || check.Presumed) && patient.SourceText is { } text && MentionIn(text, concept) is { } mention)
        {
            check = ConstraintCheck.Met(mention);
        }

        // Met before negation fails an exclusion, or a negated inclusion; not met fails the rest.
        var favourable = check.Outcome switch
        {
            CriterionOutcome.Met => (constraint.Role == CriterionRole.Inclusion) != constraint.Negated,
            CriterionOutcome.NotMet => (constraint.Role == CriterionRole.Inclusion) == constraint.Negated,
            _ => true,
        };
        return favourable ? check : ConstraintCheck.Unknown(question, check.Evidence ?? $"no {concept} recorded");
    }

    /// <summary>The words of the record that name the concept, with what surrounds them, or null; a denial or a relative's history is no mention.</summary>
    private static string? MentionIn(string text, string concept)
    {
        var at = 0;
        while ((at = text.IndexOf(concept, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + concept.Length;
            var bounded = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (bounded && !DeniedBefore().IsMatch(text.AsSpan(Math.Max(0, at - 40), at - Math.Max(0, at - 40))))
            {
                return text[Math.Max(0, at - 20)..Math.Min(text.Length, end + 20)].Trim();
            }

            at = end;
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:no|not|denies|denied|without|negative\s+for|free\s+of|absence\s+of|rule\s+out|r/o|family\s+history|mother|father|sister|brother|aunt|uncle|grandmother|grandfather|parents?)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedBefore();
}
