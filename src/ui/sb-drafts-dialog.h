/* sb-drafts-dialog.h: the application drafts, to continue or delete
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_TYPE_DRAFTS_DIALOG (sb_drafts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbDraftsDialog, sb_drafts_dialog, SB, DRAFTS_DIALOG, AdwWindow)

SbDraftsDialog *sb_drafts_dialog_new         (GtkWindow      *parent,
                                              SbDatabase     *database);
guint           sb_drafts_dialog_get_n_drafts (SbDraftsDialog *self);
void            sb_drafts_dialog_delete_draft (SbDraftsDialog *self,
                                              gint64          draft_id);

G_END_DECLS
