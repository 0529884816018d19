/* sb-wizard.c: a form in steps, with a sidebar of the steps and their state
 *
 * The steps are listed beside the form with their state: not started,
 * incomplete, complete or with errors.  Next asks the owner, through
 * ::leave-step, whether the step may be left; Back always goes back; any
 * step already visited can be reached from the sidebar.  Enter anywhere
 * but in a multi-line field moves on, as Next does.  The owner saves the
 * draft: ::save-draft asks it to do so at once.
 */
#define G_LOG_DOMAIN "sb-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-wizard.h"

typedef struct
{
  GtkWidget   *row;
  GtkImage    *icon;
  GtkLabel    *state_label;
  GtkWidget   *page;
  char        *title;
  SbStepState  state;
  gboolean     visited;
} Step;

struct _SbWizard
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkListBox *sidebar;
  GtkBox     *banner_box;
  GtkScrolledWindow *scrolled;
  GtkLabel   *step_title;
  GtkStack   *stack;
  GtkLabel   *saved_label;
  GtkButton  *next_button;
  GtkButton  *back_button;

  GArray     *steps;     /* Step */
  guint       current;
  GtkWidget  *banner;
};

G_DEFINE_FINAL_TYPE (SbWizard, sb_wizard, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEAVE_STEP,
  SIGNAL_STEP_CHANGED,
  SIGNAL_SAVE_DRAFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_icon_name (SbStepState state)
{
  switch (state)
    {
    case SB_STEP_STATE_COMPLETE:
      return "emblem-ok-symbolic";
    case SB_STEP_STATE_ERRORS:
      return "dialog-error-symbolic";
    case SB_STEP_STATE_INCOMPLETE:
      return "document-edit-symbolic";
    case SB_STEP_STATE_NOT_STARTED:
    default:
      return "radio-symbolic";
    }
}

static Step *
get_step (SbWizard *self,
          guint     index)
{
  g_assert (index < self->steps->len);

  return &g_array_index (self->steps, Step, index);
}

static void
update_step_row (SbWizard *self,
                 guint     index)
{
  Step *step = get_step (self, index);

  gtk_image_set_from_icon_name (step->icon, state_icon_name (step->state));
  gtk_label_set_label (step->state_label, sb_step_state_get_label (step->state));
  gtk_widget_set_sensitive (step->row, step->visited || index == self->current);

  if (step->state == SB_STEP_STATE_ERRORS)
    gtk_widget_add_css_class (GTK_WIDGET (step->icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (step->icon), "error");
  if (step->state == SB_STEP_STATE_COMPLETE)
    gtk_widget_add_css_class (GTK_WIDGET (step->icon), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (step->icon), "success");
}

static void
sb_wizard_update_actions (SbWizard *self)
{
  gboolean has_steps = self->steps->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", has_steps && self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 has_steps && self->current + 1 < self->steps->len);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !has_steps || self->current + 1 < self->steps->len);
}

static void
show_step (SbWizard *self,
           guint     index)
{
  guint previous = self->current;
  Step *step = get_step (self, index);

  self->current = index;
  step->visited = TRUE;
  gtk_stack_set_visible_child (self->stack, step->page);
  gtk_label_set_label (self->step_title, step->title);
  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (step->row));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);

  if (previous < self->steps->len)
    update_step_row (self, previous);
  update_step_row (self, index);
  sb_wizard_update_actions (self);

  g_signal_emit (self, signals[SIGNAL_STEP_CHANGED], 0, index);

  /* Focus the first field of the page, so typing can start at once. */
  gtk_widget_child_focus (step->page, GTK_DIR_TAB_FORWARD);
}

static void
row_activated_cb (SbWizard      *self,
                  GtkListBoxRow *row)
{
  sb_wizard_go_to (self, gtk_list_box_row_get_index (row));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sb_wizard_next (SB_WIZARD (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbWizard *self = SB_WIZARD (widget);

  if (self->current > 0)
    show_step (self, self->current - 1);
}

static void
save_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_SAVE_DRAFT], 0);
}

/* Enter moves on, unless the focus is in a multi-line field, a button or a
 * list, which take Enter themselves. */
static gboolean
enter_pressed (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SbWizard *self = SB_WIZARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_BUTTON (focus)
                        || GTK_IS_LIST_BOX_ROW (focus) || GTK_IS_CHECK_BUTTON (focus)))
    return FALSE;

  return sb_wizard_next (self) || TRUE;
}

/* GObject */

static void
sb_wizard_dispose (GObject *object)
{
  SbWizard *self = SB_WIZARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_WIZARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sb_wizard_parent_class)->dispose (object);
}

static void
sb_wizard_finalize (GObject *object)
{
  SbWizard *self = SB_WIZARD (object);

  for (guint i = 0; i < self->steps->len; i++)
    g_free (get_step (self, i)->title);
  g_array_unref (self->steps);

  G_OBJECT_CLASS (sb_wizard_parent_class)->finalize (object);
}

static void
sb_wizard_class_init (SbWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_wizard_dispose;
  object_class->finalize = sb_wizard_finalize;

  /**
   * SbWizard::leave-step:
   * @step: the step Next would leave
   *
   * Returns: %TRUE to stay, having shown what is wrong
   */
  signals[SIGNAL_LEAVE_STEP] =
    g_signal_new ("leave-step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_UINT);
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_SAVE_DRAFT] =
    g_signal_new ("save-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWizard, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, banner_box);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, step_title);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, saved_label);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SbWizard, back_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.save-draft", NULL, save_draft_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, enter_pressed, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, enter_pressed, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "wizard.save-draft", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sb_wizard_init (SbWizard *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  self->current = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));
  sb_wizard_update_actions (self);
}

/* Public API */

GtkWidget *
sb_wizard_new (void)
{
  return g_object_new (SB_TYPE_WIZARD, NULL);
}

/**
 * sb_wizard_add_step:
 * @page: the step's form
 *
 * Returns: the step's index
 */
guint
sb_wizard_add_step (SbWizard   *self,
                    const char *title,
                    GtkWidget  *page)
{
  Step step = { 0 };
  GtkWidget *box, *labels, *label;

  g_return_val_if_fail (SB_IS_WIZARD (self), 0);
  g_return_val_if_fail (GTK_IS_WIDGET (page), 0);

  step.title = g_strdup (title);
  step.page = page;
  step.state = SB_STEP_STATE_NOT_STARTED;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  step.icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (step.icon));
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (labels), label);
  step.state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (step.state_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (step.state_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (step.state_label), "caption");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (step.state_label));
  gtk_box_append (GTK_BOX (box), labels);

  step.row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (step.row), box);
  gtk_list_box_append (self->sidebar, step.row);
  gtk_stack_add_child (self->stack, page);

  g_array_append_val (self->steps, step);
  update_step_row (self, self->steps->len - 1);

  if (self->steps->len == 1)
    show_step (self, 0);
  else
    sb_wizard_update_actions (self);

  return self->steps->len - 1;
}

guint
sb_wizard_get_n_steps (SbWizard *self)
{
  g_return_val_if_fail (SB_IS_WIZARD (self), 0);

  return self->steps->len;
}

guint
sb_wizard_get_current (SbWizard *self)
{
  g_return_val_if_fail (SB_IS_WIZARD (self), 0);

  return self->current;
}

/**
 * sb_wizard_go_to:
 *
 * Shows @step if it has been visited (or is the next one and the current
 * one may be left).
 *
 * Returns: whether @step is now shown
 */
gboolean
sb_wizard_go_to (SbWizard *self,
                 guint     step)
{
  g_return_val_if_fail (SB_IS_WIZARD (self), FALSE);

  if (step >= self->steps->len)
    return FALSE;
  if (step == self->current)
    return TRUE;
  if (!get_step (self, step)->visited)
    {
      if (step == self->current + 1)
        return sb_wizard_next (self);
      return FALSE;
    }

  show_step (self, step);
  return TRUE;
}

/**
 * sb_wizard_next:
 *
 * Moves to the next step, unless a ::leave-step handler keeps the user on
 * this one to put something right.
 *
 * Returns: whether the next step is now shown
 */
gboolean
sb_wizard_next (SbWizard *self)
{
  gboolean stay = FALSE;

  g_return_val_if_fail (SB_IS_WIZARD (self), FALSE);

  if (self->current + 1 >= self->steps->len)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_LEAVE_STEP], 0, self->current, &stay);
  if (stay)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  show_step (self, self->current + 1);
  return TRUE;
}

void
sb_wizard_set_step_state (SbWizard    *self,
                          guint        step,
                          SbStepState  state)
{
  g_return_if_fail (SB_IS_WIZARD (self));
  g_return_if_fail (step < self->steps->len);

  if (get_step (self, step)->state == state)
    return;

  get_step (self, step)->state = state;
  update_step_row (self, step);
}

SbStepState
sb_wizard_get_step_state (SbWizard *self,
                          guint     step)
{
  g_return_val_if_fail (SB_IS_WIZARD (self), SB_STEP_STATE_NOT_STARTED);
  g_return_val_if_fail (step < self->steps->len, SB_STEP_STATE_NOT_STARTED);

  return get_step (self, step)->state;
}

gboolean
sb_wizard_is_visited (SbWizard *self,
                      guint     step)
{
  g_return_val_if_fail (SB_IS_WIZARD (self), FALSE);

  return step < self->steps->len && get_step (self, step)->visited;
}

/* A draft continued later has been walked up to @step already. */
void
sb_wizard_set_visited_up_to (SbWizard *self,
                             guint     step)
{
  g_return_if_fail (SB_IS_WIZARD (self));

  for (guint i = 0; i <= step && i < self->steps->len; i++)
    {
      get_step (self, i)->visited = TRUE;
      update_step_row (self, i);
    }
}

void
sb_wizard_set_saved_text (SbWizard   *self,
                          const char *text)
{
  g_return_if_fail (SB_IS_WIZARD (self));

  gtk_label_set_label (self->saved_label, text);
}

/* A widget shown above the steps' form on every step, e.g. a deadline. */
void
sb_wizard_set_banner (SbWizard  *self,
                      GtkWidget *banner)
{
  g_return_if_fail (SB_IS_WIZARD (self));

  if (self->banner != NULL)
    gtk_box_remove (self->banner_box, self->banner);
  self->banner = banner;
  if (banner != NULL)
    gtk_box_append (self->banner_box, banner);
}

void
sb_wizard_scroll_to (SbWizard  *self,
                     GtkWidget *widget)
{
  graphene_point_t point;

  g_return_if_fail (SB_IS_WIZARD (self));

  if (gtk_widget_compute_point (widget, GTK_WIDGET (self->stack), &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), MAX (point.y - 48, 0));
}
