using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;

namespace TrialAccess.Core.Tests.Eligibility.Segmentation;

public class SharedCorpusSegmentationTests
{
    [SharedDataFact]
    public async Task Segment_EveryRecordOfTheSharedCorpus_NeverThrowsAndKeepsSpansInside()
    {
        var (files, _) = TrialSources.Expand([SharedData.PathTo("trials")]);
        var trials = 0;
        var criteria = 0;
        foreach (var file in files)
        {
            await foreach (var read in TrialSources.ReadFileAsync(file))
            {
                if (read.Trial?.Eligibility.Criteria is not { } text)
                {
                    continue;
                }

                var result = CriteriaSegmenter.Segment(text);
                trials++;
                criteria += result.Criteria.Count;
                foreach (var criterion in result.Criteria)
                {
                    criterion.Span.End.Should().BeLessThanOrEqualTo(text.Length);
                    criterion.Span.Slice(text).Should().Be(criterion.Text);
                }
            }
        }

        trials.Should().BeGreaterThan(7000);
        criteria.Should().BeGreaterThan(trials * 5);
    }
}

public class SharedCorpusParsingTests
{
    [SharedDataFact]
    public async Task Parse_EveryCriterionOfTheSharedCorpus_NeverThrowsAndKeepsConstraintSpansInside()
    {
        // Each parsed trial is also evaluated for patients of different kinds: evaluating a trial whose diagnoses had a
        // criterion scoped to other cancers once threw (found by the criteria benchmark for the woman below).
        var context = TrialAccess.Eligibility.Evaluation.EvaluationContext.On(new DateOnly(2026, 12, 3));
        PatientProfile[] patients =
        [
            new()
            {
                BirthDate = new DateOnly(1962, 3, 4),
                Sex = new Fact<PatientSex>(PatientSex.Female),
                Diagnoses = [new Diagnosis { Text = "breast cancer", OncoTreeCode = "BRCA", Stage = new Stage { Group = "IV", Metastatic = true } }],
                Biomarkers = [new Biomarker { Marker = "ERBB2", Status = BiomarkerStatus.Negative }],
                Therapies = [new Therapy { Name = "letrozole", Line = 1 }],
            },
            new()
            {
                BirthDate = new DateOnly(2016, 6, 1),
                Sex = new Fact<PatientSex>(PatientSex.Male),
                Conditions = [new Condition { Text = "asthma", Concept = "asthma" }],
                CompleteHistory = true,
            },
            new(),
        ];
        var (files, _) = TrialSources.Expand([SharedData.PathTo("trials")]);
        var parsed = 0;
        foreach (var file in files)
        {
            await foreach (var read in TrialSources.ReadFileAsync(file))
            {
                if (read.Trial is not { } trial)
                {
                    continue;
                }

                var eligibility = TrialAccess.Eligibility.Parsing.TrialCriteriaParser.Parse(trial);
                foreach (var patient in patients)
                {
                    var evaluate = () => TrialAccess.Eligibility.Evaluation.EligibilityEvaluator.Evaluate(eligibility, patient, context);
                    evaluate.Should().NotThrow(trial.NctId.Value);
                }

                foreach (var criterion in eligibility.Criteria)
                {
                    parsed++;
                    criterion.Constraints.All(c => c.Span.Start >= 0 && c.Span.End <= criterion.Segment.Text.Length).Should().BeTrue(criterion.Segment.Text);
                }
            }
        }

        parsed.Should().BeGreaterThan(50_000);
    }
}
