using Spectre.Console;

namespace TrialAccess.Cli.Terminal;

/// <summary>Plain text when output goes to a file or a pipe: no colours, no cursor codes, no live widgets.</summary>
internal static class TerminalSetup
{
    public static void Configure()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(Console.Out),
            });
        }
    }
}
