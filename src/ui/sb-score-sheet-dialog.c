/* sb-score-sheet-dialog.c: an expert scores a base against the review's rubric
 *
 * One spin button and one comment per criterion of the panel's rubric, a
 * running total, and the opinion the regulation asks of the experts.  The
 * core checks the sheet (ranges, opinion, membership, one sheet each); a
 * refusal is shown here and nothing typed is lost.
 */
#define G_LOG_DOMAIN "sb-score-sheet-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-lifecycle.h"
#include "sb-score-sheet-dialog.h"

struct _SbScoreSheetDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *criteria_group;
  GtkLabel            *total_label;
  AdwEntryRow         *opinion_row;
  GtkLabel            *error_label;

  SbDatabase          *database;
  gint64               panel_id;
  gint64               expert_id;
  GDate                today;
  const SbCriterion   *rubric;
  guint                n_criteria;
  GPtrArray           *spins;      /* GtkSpinButton, one per criterion */
  GPtrArray           *comments;   /* AdwEntryRow, one per criterion */
};

G_DEFINE_FINAL_TYPE (SbScoreSheetDialog, sb_score_sheet_dialog, ADW_TYPE_WINDOW)

enum {
  HANDED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_total (SbScoreSheetDialog *self)
{
  g_autofree char *text = NULL;
  double total = 0, maximum = 0;

  for (guint i = 0; i < self->n_criteria; i++)
    {
      total += gtk_spin_button_get_value (g_ptr_array_index (self->spins, i));
      maximum += self->rubric[i].max_score;
    }

  /* Translators: a score sheet's total, e.g. “82.5 / 100” */
  text = g_strdup_printf (_("%.1f / %.0f"), total, maximum);
  gtk_label_set_label (self->total_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
submit_clicked_cb (SbScoreSheetDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *scores = g_new0 (double, self->n_criteria);
  g_autofree const char **comments = g_new0 (const char *, self->n_criteria + 1);

  for (guint i = 0; i < self->n_criteria; i++)
    {
      scores[i] = gtk_spin_button_get_value (g_ptr_array_index (self->spins, i));
      comments[i] = gtk_editable_get_text (g_ptr_array_index (self->comments, i));
    }

  if (!sb_panel_submit_sheet (self->database, self->panel_id, self->expert_id, &self->today,
                              scores, comments,
                              gtk_editable_get_text (GTK_EDITABLE (self->opinion_row)), &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[HANDED_IN], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sb_score_sheet_dialog_dispose (GObject *object)
{
  SbScoreSheetDialog *self = (SbScoreSheetDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SCORE_SHEET_DIALOG);
  g_clear_object (&self->database);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_score_sheet_dialog_parent_class)->dispose (object);
}

static void
sb_score_sheet_dialog_class_init (SbScoreSheetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_score_sheet_dialog_dispose;

  /**
   * SbScoreSheetDialog::handed-in:
   *
   * The sheet was recorded.
   */
  signals[HANDED_IN] = g_signal_new ("handed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-score-sheet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbScoreSheetDialog, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, SbScoreSheetDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, SbScoreSheetDialog, opinion_row);
  gtk_widget_class_bind_template_child (widget_class, SbScoreSheetDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_score_sheet_dialog_init (SbScoreSheetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins = g_ptr_array_new ();
  self->comments = g_ptr_array_new ();
}

SbScoreSheetDialog *
sb_score_sheet_dialog_new (GtkWindow     *parent,
                           SbDatabase    *database,
                           const SbPanel *panel,
                           gint64         expert_id,
                           const char    *base_name,
                           const GDate   *today)
{
  g_autofree char *article = NULL;
  g_autofree char *description = NULL;
  SbScoreSheetDialog *self;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (panel != NULL, NULL);

  self = g_object_new (SB_TYPE_SCORE_SHEET_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->panel_id = panel->id;
  self->expert_id = expert_id;
  self->today = *today;
  self->rubric = sb_panel_kind_get_rubric (panel->kind, &self->n_criteria);

  article = sb_article_format (sb_panel_kind_get_article (panel->kind));
  description = g_strdup_printf (C_("review and its article", "%s (%s)"),
                                 sb_panel_kind_get_label (panel->kind), article);
  adw_preferences_group_set_title (self->criteria_group, base_name);
  adw_preferences_group_set_description (self->criteria_group, description);

  for (guint i = 0; i < self->n_criteria; i++)
    {
      const SbCriterion *criterion = &self->rubric[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, criterion->max_score, 0.5);
      GtkWidget *comment = adw_entry_row_new ();
      g_autofree char *range = g_strdup_printf (_("0 to %.0f points"), criterion->max_score);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, criterion->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_dgettext (GETTEXT_PACKAGE, criterion->label), -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (update_total), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->criteria_group, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
      adw_preferences_group_add (self->criteria_group, comment);

      g_ptr_array_add (self->spins, spin);
      g_ptr_array_add (self->comments, comment);
    }
  update_total (self);

  return self;
}

/* For tests and for filling the sheet from the keyboard's point of view:
 * what typing into a criterion's spin button does. */
void
sb_score_sheet_dialog_set_score (SbScoreSheetDialog *self,
                                 guint               criterion,
                                 double              score)
{
  g_return_if_fail (SB_IS_SCORE_SHEET_DIALOG (self));
  g_return_if_fail (criterion < self->n_criteria);

  gtk_spin_button_set_value (g_ptr_array_index (self->spins, criterion), score);
}
