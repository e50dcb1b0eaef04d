using System.CommandLine;
using TrialAccess.Cli.Commands;
using TrialAccess.Cli.Terminal;

TerminalSetup.Configure();

var root = new RootCommand("TrialAccess: find clinical trials a person with cancer could join, with reasons a clinician can check.");
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(TrialsCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(CriteriaCommand.Create());
root.Subcommands.Add(QuickstartCommand.Create());
root.Subcommands.Add(PatientCommand.Create());
root.Subcommands.Add(MatchCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(AccountsCommand.Create());
root.Subcommands.Add(PipelineCommand.Create());
root.Subcommands.Add(RecruitmentCommand.Create());

return await root.Parse(args).InvokeAsync();
