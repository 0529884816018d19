/* sb-profile-dialog.h: choose or add the profile to act as
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_TYPE_PROFILE_DIALOG (sb_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbProfileDialog, sb_profile_dialog, SB, PROFILE_DIALOG, AdwWindow)

SbProfileDialog *sb_profile_dialog_new (GtkWindow  *parent,
                                        SbDatabase *database,
                                        gint64      current_profile_id);

G_END_DECLS
