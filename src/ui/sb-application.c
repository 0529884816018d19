/* sb-application.c: the StdBase application
 *
 * Handles the command line (--database, --today) and the application-wide
 * actions; each window opens its own programme.
 *
 * One process per desktop session (unique), not one per window: the menu
 * entry is DBusActivatable, so launching StdBase again, from the menu or by
 * D-Bus activation, raises the window that is already open instead of
 * opening the same database a second time in a second process.  The command
 * line goes to that primary instance (G_APPLICATION_HANDLES_COMMAND_LINE):
 * `stdbase --database FILE` opens a window on FILE there, or raises the one
 * already showing FILE, so several programmes can still be open side by side
 * as they were when each had its own process.  FILE is resolved against the
 * directory of the command that named it, and --today applies to the window
 * that command opens.  Windows stay independent: each has its own
 * programme, its own worker and its own today.
 */
#define G_LOG_DOMAIN "sb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-date.h"
#include "sb-database.h"
#include "sb-window.h"

/* Which programme, as of which day, a window shows: a string kept on it. */
#define WINDOW_KEY "sb-application-window-key"

struct _SbApplication
{
  AdwApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this programme database instead of the default one"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Judge deadlines as on this date (YYYY-MM-DD)"), N_("DATE") },
  { NULL }
};

/* Runs in the process that was started, before it hands the command line
 * over: a bad date is refused right there, with its exit status. */
static int
sb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *today = NULL;
  GDate date;

  if (g_variant_dict_lookup (options, "today", "&s", &today)
      && !sb_date_parse (today, &date, &error))
    {
      g_printerr ("stdbase: %s\n", error->message);
      return 2;
    }

  return -1;
}

static char *
window_key (const char  *database_path,
            const GDate *today)
{
  char date[16] = "";

  if (today != NULL && g_date_valid (today))
    g_date_strftime (date, sizeof date, "%Y-%m-%d", today);

  return g_strdup_printf ("%s\n%s", database_path, date);
}

/* Raises the window showing @database_path as of @today, or opens one. */
static void
present_window (SbApplication *self,
                const char    *database_path,
                const GDate   *today)
{
  g_autofree char *default_path = NULL;
  g_autofree char *key = NULL;
  GtkWindow *window = NULL;

  if (database_path == NULL)
    database_path = default_path = sb_database_get_default_path ();
  key = window_key (database_path, today);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (g_strcmp0 (g_object_get_data (l->data, WINDOW_KEY), key) == 0)
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (sb_window_new (GTK_APPLICATION (self), database_path, today));
      g_object_set_data_full (G_OBJECT (window), WINDOW_KEY, g_steal_pointer (&key), g_free);
    }

  gtk_window_present (window);
}

static void
sb_application_activate (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_window_present (window);
  else
    present_window (self, NULL, NULL);
}

/* Runs in the primary instance, for its own command line or another's. */
static int
sb_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  SbApplication *self = SB_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GFile) file = NULL;
  g_autofree char *database_path = NULL;
  const char *database = NULL;
  const char *today = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_variant_dict_lookup (options, "database", "^&ay", &database);
  if (g_variant_dict_lookup (options, "today", "&s", &today)
      && !sb_date_parse (today, &date, &error))
    {
      g_application_command_line_printerr (command_line, "stdbase: %s\n", error->message);
      return 2;
    }

  if (database == NULL && today == NULL)
    {
      g_application_activate (application);
      return 0;
    }

  if (database != NULL)
    {
      file = g_application_command_line_create_file_for_arg (command_line, database);
      database_path = g_file_get_path (file);
    }
  present_window (self, database_path, &date);

  return 0;
}
static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SbApplication *self = user_data;
  const char *developers[] = { _("The StdBase developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("StdBase"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Runs the Shanxi Province Technical Standard Innovation Base programme"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
sb_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = sb_application_activate;
  application_class->command_line = sb_application_command_line;
  application_class->startup = sb_application_startup;
  application_class->handle_local_options = sb_application_handle_local_options;
}

static void
sb_application_init (SbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

SbApplication *
sb_application_new (void)
{
  return g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/shanxi/StdBase",
                       NULL);
}
