using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching;
using TrialAccess.Matching.Ranking;
using TrialAccess.Ranking;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>train</c>: train the learned parts of TrialAccess.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train learned models") { Ranker() };

    private static Command Ranker()
    {
        var topics = new Option<FileInfo>("--topics") { Description = "TREC Clinical Trials topics XML", Required = true };
        var qrels = new Option<FileInfo>("--qrels") { Description = "TREC relevance judgements (topic 0 NCT grade)", Required = true };
        var output = new Option<FileInfo>("--out")
        {
            Description = $"The model file to write (an ML.NET zip; its metadata goes beside it as .json; default {RankerModels.ShippedRelativePath})",
            DefaultValueFactory = _ => new FileInfo(RankerModels.ShippedRelativePath),
        };
        var cv = EvalCommand.CrossValidationOption();
        cv.Description = "Folds of the cross-validation whose figure goes into the metadata (fold = topic number mod k; default 5)";
        var command = new Command("ranker", "Train the learned ranker (LambdaMART) on every judged trial of the topics, features from the full matcher, and write the model with its metadata")
        {
            topics, qrels, output, cv,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var topicsFile = parseResult.GetValue(topics)!;
            var qrelsFile = parseResult.GetValue(qrels)!;
            foreach (var file in new[] { topicsFile, qrelsFile })
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"error: no such file: {file.FullName}");
                    return ExitCodes.BadInput;
                }
            }

            var outFile = parseResult.GetValue(output)!;
            if (!string.Equals(outFile.Extension, ".zip", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"error: --out must name a .zip file (the metadata goes beside it as .json): {outFile.Name}");
                return ExitCodes.BadInput;
            }

            var (parsedTopics, topicsError) = TrecTopic.ParseTopics(await File.ReadAllTextAsync(topicsFile.FullName, cancellationToken));
            if (topicsError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {topicsFile.Name}: {topicsError}");
                return ExitCodes.BadInput;
            }

            var (judgements, qrelsError) = RelevanceJudgements.Parse(await File.ReadAllTextAsync(qrelsFile.FullName, cancellationToken));
            if (qrelsError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {qrelsFile.Name}: {qrelsError}");
                return ExitCodes.BadInput;
            }

            if (await StoreSession.ReadAllTrialsAsync(parseResult, cancellationToken) is not { } trials)
            {
                return ExitCodes.BadInput;
            }

            var stored = trials.ToDictionary(t => t.NctId);
            bool HasText(string id) => NctId.TryParse(id, out var nct) && stored.ContainsKey(nct);
            var scorable = judgements!.Where(HasText);
            var matcher = new TrialMatcher(TrialCatalog.Build(trials), (id, _) => ValueTask.FromResult(stored.GetValueOrDefault(id)), TimeProvider.System);
            var full = new MatchRanker(matcher, withFeatures: true);
            var fullRun = TrecEvaluation.Run(parsedTopics, judgements!, full, TrecProtocol.Judged, HasText);
            var data = RankerExperiment.Extract(parsedTopics, scorable, full);
            var examples = RankerExperiment.Examples(data).ToList();
            if (examples.Count == 0)
            {
                await Console.Error.WriteLineAsync("error: no judged trial of these topics is in the database: nothing to train on");
                return ExitCodes.BadInput;
            }

            var folds = parseResult.GetValue(cv) ?? 5;
            var result = RankerExperiment.CrossValidate(data, folds);

            // The shipped model's setting: the grid's best by cross-validation over all the topics.
            var parameters = RankerExperiment.Choose(data, folds);
            var learnedRun = TrecEvaluation.Run(parsedTopics, judgements!, new RankerExperiment.FixedRanker("learned", result.Rankings), TrecProtocol.Judged, HasText);

            var name = Path.GetFileNameWithoutExtension(outFile.Name);
            var model = LambdaMartTrainer.Train(examples, RankingFeatures.Names, parameters, name);
            outFile.Directory?.Create();
            model.Save(outFile.FullName, model.Metadata with
            {
                Training = $"TREC 2021 clinical trials: {data.Count} topics ({topicsFile.Name}), {examples.Count} judged (topic, trial) pairs with text in a database of {trials.Count} trials ({qrelsFile.Name}); grades 0 not relevant, 1 excluded, 2 eligible; features from the full matcher on the judged protocol",
                CrossValidation = new Dictionary<string, double>
                {
                    ["folds"] = folds,
                    ["topics"] = learnedRun.Topics.Count(t => t.RelevantWithText > 0),
                    ["learnedNdcg10"] = Math.Round(learnedRun.Mean.Ndcg10, 4),
                    ["fullNdcg10"] = Math.Round(fullRun.Mean.Ndcg10, 4),
                    ["chosenSettingPlainCvNdcg10"] = result.GridMeans[parameters.Describe()],
                },
                FeatureImportance = model.FeatureImportance(),
            });
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(outFile.FullName, cancellationToken)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outFile.FullName} (sha256 {hash}) and {LambdaMartModel.MetadataPath(outFile.FullName)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {examples.Count} pairs of {data.Count} topics; cross-validation ({folds} folds by {RankerExperiment.FoldRule}): NDCG@10 learned {learnedRun.Mean.Ndcg10:0.0000} (nested), full {fullRun.Mean.Ndcg10:0.0000}; shipped setting: {parameters.Describe()}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
