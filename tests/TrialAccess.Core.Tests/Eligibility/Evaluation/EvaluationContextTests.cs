using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

public class EvaluationContextTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void ConceptNamesIn_PatientWords_AreTheVocabularysConceptsFoundThere()
    {
        var context = EvaluationContext.On(Today);
        var expected = OncologyVocabulary.BuiltIn.Concepts.Names.FindAll("history of congestive heart failure", Tokenizer.Tokenize("history of congestive heart failure")).Select(m => m.Value.Name);

        // The concept found, then the broader concepts it is a form of (heart failure is a cardiovascular disease).
        context.ConceptNamesIn("history of congestive heart failure").Should().StartWith(expected).And.Contain("cardiovascular disease");
        context.ConceptNamesIn("history of congestive heart failure").Should().BeSameAs(context.ConceptNamesIn("history of congestive heart failure"), "read once per context");
    }

    [Fact]
    public void With_ACopy_RemembersNothingOfTheOriginal()
    {
        var context = EvaluationContext.On(Today);
        var names = context.ConceptNamesIn("heart failure");

        var copy = context with { Today = Today.AddDays(1) };

        copy.ConceptNamesIn("heart failure").Should().Equal(names).And.NotBeSameAs(names);
    }

    [Fact]
    public void Equals_SameDateAndVocabulary_AreEqual()
    {
        EvaluationContext.On(Today).Should().Be(EvaluationContext.On(Today));
        EvaluationContext.On(Today).Should().NotBe(EvaluationContext.On(Today.AddDays(1)));
    }
}
