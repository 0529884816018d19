/* sb-preferences-window.c: the application's preferences
 *
 * One page of groups, each a few rows bound to the application's
 * GSettings; a section that needs a setting adds its row to the template.
 * Without the schema installed, the rows say so and cannot be changed.
 */
#define G_LOG_DOMAIN "sb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-preferences-window.h"

struct _SbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *notify_row;
  GtkSwitch            *notify_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sb_preferences_window_dispose (GObject *object)
{
  SbPreferencesWindow *self = (SbPreferencesWindow *)object;

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sb_preferences_window_parent_class)->dispose (object);
}

static void
sb_preferences_window_class_init (SbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, notify_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, notify_switch);
}

static void
sb_preferences_window_init (SbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: (nullable): the application's settings, %NULL when the
 *   schema is not installed
 */
GtkWidget *
sb_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  SbPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "notify-deadlines", self->notify_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->notify_switch), FALSE);
      adw_action_row_set_subtitle (self->notify_row,
                                   _("The settings schema is not installed, so this cannot be changed"));
    }

  return GTK_WIDGET (self);
}
