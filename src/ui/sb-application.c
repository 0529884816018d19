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
#include "sb-database.h"
#include "sb-date.h"
#include "sb-deadline-watch-panel.h"
#include "sb-preferences-window.h"
#include "sb-programme-reading.h"
#include "sb-window.h"

/* Which programme, as of which day, a window shows: a string kept on it. */
#define WINDOW_KEY "sb-application-window-key"

struct _SbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL when the schema is not installed */
  GDate           notified_on;

  /* What this process's own command line asks to open, and the reading of
   * it started before GTK is initialised, until the first window takes it */
  char               *local_database_path;
  GDate               local_today;
  SbProgrammeReading *first_reading;
};

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this programme database instead of the default one"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Judge deadlines as on this date (YYYY-MM-DD)"), N_("DATE") },
  { NULL }
};

/* The settings, when the schema is installed. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static gboolean
name_on_bus (GDBusConnection *bus,
             const char      *method,
             const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) names = NULL;
  const char *each;
  gboolean found = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method,
                                       name != NULL && g_str_equal (method, "NameHasOwner")
                                       ? g_variant_new ("(s)", name) : NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
  if (reply == NULL)
    return FALSE;
  if (g_str_equal (method, "NameHasOwner"))
    {
      g_variant_get (reply, "(b)", &found);
      return found;
    }

  g_variant_get (reply, "(as)", &names);
  while (!found && g_variant_iter_next (names, "&s", &each))
    found = g_str_equal (each, name);

  return found;
}

/* Whether the session shows notifications at all: without a notification
 * service (a bare X server, a CI machine) GLib would only print a warning. */
static gboolean
notifications_available (SbApplication *self)
{
  static const char *services[] = { "org.gtk.Notifications", "org.freedesktop.Notifications" };
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;   /* through the portal */
  if (bus == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (name_on_bus (bus, "NameHasOwner", services[i])
        || name_on_bus (bus, "ListActivatableNames", services[i]))
      return TRUE;

  return FALSE;
}

/* At start and once a day: what is overdue and what falls due soon, as a
 * desktop notification whose action opens the deadline watch.  One a day
 * for the whole application, whichever window reports first. */
static void
watch_updated_cb (SbApplication *self,
                  SbWindow      *window)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GPtrArray *watch = sb_window_get_watch (window);
  GDate now;

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "notify-deadlines"))
    return;

  sb_date_set_today (&now);
  if (watch == NULL
      || !notifications_available (self)
      || (g_date_valid (&self->notified_on) && g_date_compare (&now, &self->notified_on) == 0)
      || !sb_deadline_watch_summarise (watch, &title, &body))
    return;

  self->notified_on = now;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.show-watch");
  g_notification_add_button (notification, _("Open Deadline Watch"), "app.show-watch");
  g_application_send_notification (G_APPLICATION (self), "deadline-watch", notification);
}

/* Runs in the process that was started, before it hands the command line
 * over: a bad date is refused right there, with its exit status. */
static int
sb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SbApplication *self = SB_APPLICATION (application);
  const char *database = NULL;
  g_autoptr(GError) error = NULL;
  const char *today = NULL;
  GDate date;

  if (g_variant_dict_lookup (options, "today", "&s", &today))
    {
      if (!sb_date_parse (today, &date, &error))
        {
          g_printerr ("stdbase: %s\n", error->message);
          return 2;
        }
      self->local_today = date;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    self->local_database_path = g_canonicalize_filename (database, NULL);

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
      g_autofree char *first_key = NULL;

      if (self->first_reading != NULL)
        first_key = window_key (sb_programme_reading_get_database_path (self->first_reading),
                                sb_programme_reading_judges_real_today (self->first_reading)
                                ? NULL : sb_programme_reading_get_today (self->first_reading));
      if (g_strcmp0 (first_key, key) == 0)
        window = GTK_WINDOW (sb_window_new_for_reading (GTK_APPLICATION (self), self->first_reading));
      else
        window = GTK_WINDOW (sb_window_new (GTK_APPLICATION (self), database_path, today));
      g_object_set_data_full (G_OBJECT (window), WINDOW_KEY, g_steal_pointer (&key), g_free);
      g_signal_connect_object (window, "watch-updated", G_CALLBACK (watch_updated_cb),
                               self, G_CONNECT_SWAPPED);
    }

  /* Only the first window could want it. */
  g_clear_object (&self->first_reading);
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
sb_application_finalize (GObject *object)
{
  SbApplication *self = (SbApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->first_reading);
  g_free (self->local_database_path);

  G_OBJECT_CLASS (sb_application_parent_class)->finalize (object);
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
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SbApplication *self = user_data;
  GtkWidget *window;

  window = sb_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                      self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

/* From the deadline notification: the watch of the active window. */
static void
show_watch_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SbApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (SB_IS_WINDOW (window))
    {
      gtk_window_present (window);
      sb_window_show_watch (SB_WINDOW (window));
    }
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
  { "preferences", preferences_action },
  { "show-watch", show_watch_action },
  { "quit", quit_action },
};

static void
sb_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  SbApplication *self = SB_APPLICATION (application);

  /* Read the programme this process was started for while GTK starts: it
   * is the window's first wait, and GTK's start is as long. */
  if (self->local_database_path == NULL)
    self->local_database_path = sb_database_get_default_path ();
  self->first_reading = sb_programme_reading_new (self->local_database_path, NULL,
                                                  &self->local_today, FALSE);

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (application);

  self->settings = open_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  /* GTK would set it for gtk/help-overlay.ui, which the window builds
   * itself only when asked (sb-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sb_application_finalize;

  application_class->activate = sb_application_activate;
  application_class->command_line = sb_application_command_line;
  application_class->startup = sb_application_startup;
  application_class->handle_local_options = sb_application_handle_local_options;
}

static void
sb_application_init (SbApplication *self)
{
  g_date_clear (&self->notified_on, 1);
  g_date_clear (&self->local_today, 1);
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
