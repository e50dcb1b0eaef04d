using System.Text.Json;
using System.Text.Json.Nodes;
using TrialAccess.Cli.Commands;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Matching.Ranking;
using TrialAccess.Patients;
using TrialAccess.Ranking;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary>The learned ranker: training determinism, the shipped model, and the commands' input checks.</summary>
public sealed class RankerCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] SyntheticNames = ["signal", "noise", "weak_signal"];

    /// <summary>20 queries of 30 items: the grade follows "signal" (and a little "weak_signal"), "noise" is random.</summary>
    private static List<RankingExample> Synthetic()
    {
        var random = new Random(7);
        var examples = new List<RankingExample>();
        for (var q = 0; q < 20; q++)
        {
            for (var i = 0; i < 30; i++)
            {
                var signal = (float)random.NextDouble();
                var weak = (float)random.NextDouble();
                var grade = signal + 0.2 * weak > 0.9 ? 2 : signal > 0.6 ? 1 : 0;
                examples.Add(new RankingExample($"q{q}", grade, [signal, (float)random.NextDouble(), weak]));
            }
        }

        return examples;
    }

    private static readonly LambdaMartParameters Small = LambdaMartParameters.Default with { Iterations = 30, MinimumExamplesPerLeaf = 5 };

    [Fact]
    public void Train_TwiceOnTheSameData_GivesIdenticalPredictionsAndLearnsTheSignal()
    {
        var examples = Synthetic();
        var first = LambdaMartTrainer.Train(examples, SyntheticNames, Small);
        var second = LambdaMartTrainer.Train(examples, SyntheticNames, Small);
        var rows = examples.Select(e => e.Features).ToList();

        var a = first.Score(rows);
        var b = second.Score(rows);

        a.Should().Equal(b, "one thread and a fixed seed");
        var high = examples.Select((e, i) => (e, s: a[i])).Where(x => x.e.Label == 2).Average(x => x.s);
        var low = examples.Select((e, i) => (e, s: a[i])).Where(x => x.e.Label == 0).Average(x => x.s);
        high.Should().BeGreaterThan(low);
        first.FeatureImportance().First().Key.Should().Be("signal");
    }

    [Fact]
    public void SaveAndLoad_GivesTheSamePredictions()
    {
        var examples = Synthetic();
        var model = LambdaMartTrainer.Train(examples, SyntheticNames, Small, "synthetic");
        var path = _folder.File("synthetic-v1.zip");
        model.Save(path);

        var loaded = LambdaMartModel.Load(path);

        loaded.FeatureNames.Should().Equal(SyntheticNames);
        var rows = examples.Select(e => e.Features).Take(50).ToList();
        loaded.Score(rows).Should().Equal(model.Score(rows));
    }

    [Fact]
    public void Save_TwoTrainingsOnTheSameData_WriteTheSameBytes()
    {
        var examples = Synthetic();
        var first = _folder.File("first.zip");
        var second = _folder.File("second.zip");

        LambdaMartTrainer.Train(examples, SyntheticNames, Small, "synthetic").Save(first);
        Thread.Sleep(2100);
        LambdaMartTrainer.Train(examples, SyntheticNames, Small, "synthetic").Save(second);

        File.ReadAllBytes(second).Should().Equal(File.ReadAllBytes(first));
        File.ReadAllText(LambdaMartModel.MetadataPath(second)).Should().Be(File.ReadAllText(LambdaMartModel.MetadataPath(first)));
    }

    [Fact]
    public void ShippedModel_LoadsWithTheFeaturesThisBuildExtracts()
    {
        var (model, error) = RankerModels.Load(null);

        error.Should().BeNull();
        model!.FeatureNames.Should().Equal(RankingFeatures.Names);
    }

    [Fact]
    public void ShippedModel_WithAnotherFeatureList_IsAClearError()
    {
        var zip = _folder.File("stale-v1.zip");
        File.Copy(RankerModels.ShippedPath, zip);
        var metadata = JsonNode.Parse(File.ReadAllText(LambdaMartModel.MetadataPath(RankerModels.ShippedPath)))!;
        var names = metadata["featureNames"]!.AsArray();
        names[0] = "retired_feature";
        File.WriteAllText(LambdaMartModel.MetadataPath(zip), metadata.ToJsonString());

        var (model, error) = RankerModels.Load(new FileInfo(zip));

        model.Should().BeNull();
        error.Should().Contain("retired_feature").And.Contain("train ranker");
    }

    [Fact]
    public async Task ShippedModel_RanksAClearlyRelevantTrialAboveAnIrrelevantOne()
    {
        var (model, _) = RankerModels.Load(null);
        ClinicalTrial Trial(string id, string title, string criteria, string condition) => new()
        {
            NctId = NctId.Parse(id),
            BriefTitle = title,
            Conditions = [condition],
            OverallStatus = RecruitmentStatus.Recruiting,
            Eligibility = new TrialEligibility { Criteria = criteria, MinimumAge = new AgeLimit(18, AgeUnit.Years) },
        };
        ClinicalTrial[] trials =
        [
            Trial("NCT00000009", "Knee osteoarthritis physiotherapy", "Inclusion Criteria:\n* Knee osteoarthritis\n* Age 40-80", "Osteoarthritis, Knee"),
            Trial("NCT00000001", "Osimertinib for EGFR mutant lung adenocarcinoma", "Inclusion Criteria:\n* Histologically confirmed lung adenocarcinoma\n* ECOG 0-1", "Lung Adenocarcinoma"),
        ];
        var byId = trials.ToDictionary(t => t.NctId);
        var matcher = new TrialMatcher(TrialCatalog.Build(trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), TimeProvider.System, model: model);
        var note = "A 62-year-old man with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1.";
        var patient = PatientIntake.WithoutFhir.Read(note).Profile!;

        var result = await matcher.MatchAsync(new MatchRequest { Patient = patient, Note = note, Filters = MatchFilters.None, Restrict = byId.Keys.ToList() });

        result.Trials.Select(m => m.Trial.NctId.Value).Should().Equal("NCT00000001", "NCT00000009");
        result.Trials[0].ModelScore.Should().BeGreaterThan(result.Trials[1].ModelScore!.Value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("76")]
    [InlineData("five")]
    public void EvalTrec_CvOutOfRange_IsAParseError(string folds)
    {
        var parse = EvalCommand.Create().Parse(["trec", "--topics", "t.xml", "--qrels", "q.txt", "--cv", folds]);

        parse.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void EvalTrec_CvFive_Parses()
    {
        var parse = EvalCommand.Create().Parse(["trec", "--topics", "t.xml", "--qrels", "q.txt", "--cv", "5", "--ranker", "learned"]);

        parse.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task EvalTrec_CvOnTheFullProtocol_IsRefused()
    {
        var (topics, qrels) = TinyTrec();

        var run = await CliRunner.RunAsync("eval", "trec", "--topics", topics, "--qrels", qrels, "--protocol", "full", "--cv", "5", "--db", _folder.File("none.db"));

        run.ExitCode.Should().Be(1);
        run.StdErr.Should().Contain("--cv works on the judged protocol only");
    }

    [Fact]
    public async Task TrainRanker_WithoutTopics_IsRefused()
    {
        var run = await CliRunner.RunAsync("train", "ranker", "--qrels", "q.txt");

        run.ExitCode.Should().NotBe(0);
        run.StdErr.Should().Contain("--topics");
    }

    [Fact]
    public async Task TrainRanker_MissingFileOrNotAZip_IsRefusedByName()
    {
        var (topics, qrels) = TinyTrec();

        var missing = await CliRunner.RunAsync("train", "ranker", "--topics", _folder.File("absent.xml"), "--qrels", qrels, "--db", _folder.File("t.db"));
        var notZip = await CliRunner.RunAsync("train", "ranker", "--topics", topics, "--qrels", qrels, "--out", _folder.File("model.txt"), "--db", _folder.File("t.db"));
        var badCv = await CliRunner.RunAsync("train", "ranker", "--topics", topics, "--qrels", qrels, "--cv", "1", "--db", _folder.File("t.db"));

        missing.ExitCode.Should().Be(1);
        missing.StdErr.Should().Contain("absent.xml");
        notZip.ExitCode.Should().Be(1);
        notZip.StdErr.Should().Contain("must name a .zip");
        badCv.ExitCode.Should().NotBe(0);
        badCv.StdErr.Should().Contain("--cv");
    }

    [Fact]
    public async Task TrainRanker_OnADatabaseWithoutTheJudgedTrials_SaysThereIsNothingToTrainOn()
    {
        var (topics, qrels) = TinyTrec();

        var run = await CliRunner.RunAsync("train", "ranker", "--topics", topics, "--qrels", qrels, "--out", _folder.File("m.zip"), "--db", _folder.File("empty.db"));

        run.ExitCode.Should().Be(1);
        run.StdErr.Should().Contain("nothing to train on");
        File.Exists(_folder.File("m.zip")).Should().BeFalse();
    }

    [Fact]
    public void Folds_AreTopicNumberModK()
    {
        RankerExperiment.FoldOf("1", 5).Should().Be(1);
        RankerExperiment.FoldOf("5", 5).Should().Be(0);
        RankerExperiment.FoldOf("75", 5).Should().Be(0);
        RankerExperiment.FoldOf("38", 5).Should().Be(3);
    }

    private (string Topics, string Qrels) TinyTrec()
    {
        var topics = _folder.File("topics.xml");
        File.WriteAllText(topics, "<topics task=\"2021 clinical trials\"><topic number=\"1\">A 62-year-old man with lung adenocarcinoma.</topic></topics>");
        var qrels = _folder.File("qrels.txt");
        File.WriteAllText(qrels, "1 0 NCT00000001 2\n");
        return (topics, qrels);
    }
}
