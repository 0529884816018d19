/* sb-application.c: the StdBase application
 *
 * Handles the command line (--database, --today) and the application-wide
 * actions; each window opens its own programme.
 */
#define G_LOG_DOMAIN "sb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-date.h"
#include "sb-deadline-watch-panel.h"
#include "sb-preferences-window.h"
#include "sb-window.h"

struct _SbApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GDate           today;
  GSettings      *settings;      /* NULL when the schema is not installed */
  GDate           notified_on;
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

/* At start and once a day: what is overdue and what falls due soon, as a
 * desktop notification whose action opens the deadline watch. */
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

static int
sb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SbApplication *self = SB_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *today = NULL;

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);

  if (g_variant_dict_lookup (options, "today", "&s", &today)
      && !sb_date_parse (today, &self->today, &error))
    {
      g_printerr ("stdbase: %s\n", error->message);
      return 2;
    }

  return -1;
}

static void
sb_application_activate (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (sb_window_new (GTK_APPLICATION (self), self->database_path,
                                          &self->today));
      g_signal_connect_object (window, "watch-updated", G_CALLBACK (watch_updated_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

static void
sb_application_finalize (GObject *object)
{
  SbApplication *self = (SbApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);

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

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (application);

  SB_APPLICATION (application)->settings = open_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sb_application_finalize;

  application_class->activate = sb_application_activate;
  application_class->startup = sb_application_startup;
  application_class->handle_local_options = sb_application_handle_local_options;
}

static void
sb_application_init (SbApplication *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->notified_on, 1);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

SbApplication *
sb_application_new (void)
{
  return g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/shanxi/StdBase",
                       NULL);
}
