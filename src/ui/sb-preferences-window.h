/* sb-preferences-window.h: the application's preferences
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SB_TYPE_PREFERENCES_WINDOW (sb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, SB, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *sb_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
