/* sb-row-model.c: rows that stay while the items under them change
 *
 * A list model of SbRow, one per item of the model it is given, at the same
 * positions.  When that model changes, the rows stay and take the items now
 * at their positions; only a longer or shorter list adds or removes rows at
 * its end.
 *
 * Why: GTK 4.8's list widgets keep some 200 rows realized whatever they
 * show, and a filter that changes which items are shown makes them destroy
 * those rows and build new ones.  Over a model of rows they keep their
 * widgets and only change the text in them, which is what lets search as
 * you type keep up with typing.
 *
 * Of some 200 rows, a window shows some 20: the rows its owner says are on
 * screen take their items at once, and the others right after the next
 * frame is drawn.
 *
 * With :hold-when-empty, a model that empties leaves the rows as they were,
 * for an owner that hides the list while it has nothing to show: a search
 * that finds nothing would otherwise cost all the rows, and the next
 * keystroke would make them again.
 */
#define G_LOG_DOMAIN "sb-row-model"

#include "config.h"

#include "sb-row-model.h"
#include "sb-row.h"

struct _SbRowModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
  gboolean    hold_when_empty;
  gboolean    holding;   /* the model is empty; the rows are as they were */

  /* The rows on screen, and the first of the others still to change */
  guint       visible_first;
  guint       visible_end;
  guint       stale_from;
  guint       refresh_id;
  GPtrArray  *rows;      /* SbRow or NULL, by position: made when asked for */
};

static void sb_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbRowModel, sb_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sb_row_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_HOLD_WHEN_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sb_row_model_get_item_type (GListModel *list)
{
  return SB_TYPE_ROW;
}

static guint
sb_row_model_get_n_items (GListModel *list)
{
  return SB_ROW_MODEL (list)->n_items;
}

/* The row at @position, if made, takes the item now there. */
static void
refresh_row (SbRowModel *self,
             guint       position)
{
  SbRow *row = g_ptr_array_index (self->rows, position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;
  item = g_list_model_get_item (self->model, position);
  sb_row_set_item (row, item);
}

static gpointer
sb_row_model_get_item (GListModel *list,
                       guint       position)
{
  SbRowModel *self = SB_ROW_MODEL (list);

  if (position >= self->n_items)
    return NULL;

  if (position >= self->rows->len)
    g_ptr_array_set_size (self->rows, position + 1);
  if (g_ptr_array_index (self->rows, position) == NULL)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

      g_ptr_array_index (self->rows, position) = sb_row_new (item);
    }
  else if (position >= self->stale_from)
    refresh_row (self, position);

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
sb_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sb_row_model_get_item_type;
  iface->get_n_items = sb_row_model_get_n_items;
  iface->get_item = sb_row_model_get_item;
}

static gboolean
refresh_stale_rows_cb (gpointer user_data)
{
  SbRowModel *self = user_data;

  self->refresh_id = 0;
  for (guint i = self->stale_from; i < self->rows->len; i++)
    refresh_row (self, i);
  self->stale_from = G_MAXUINT;

  return G_SOURCE_REMOVE;
}

/* The rows from @position on take the items now at their positions, those
 * on screen first; the list then grows or shrinks at its end. */
static void
items_changed_cb (SbRowModel *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  guint old_n_items = self->n_items;
  guint new_n_items = g_list_model_get_n_items (model);
  guint end;

  if (new_n_items == 0 && self->hold_when_empty)
    {
      self->holding = TRUE;
      return;
    }
  /* The rows held show what the model had before it emptied. */
  if (self->holding)
    {
      self->holding = FALSE;
      position = 0;
      removed = added = 0;
    }

  if (self->rows->len > new_n_items)
    g_ptr_array_set_size (self->rows, new_n_items);
  self->n_items = new_n_items;

  /* Past the change, the items moved only if their number did. */
  end = removed == added && added > 0 ? MIN (position + added, self->rows->len) : self->rows->len;
  for (guint i = MAX (position, self->visible_first); i < MIN (end, self->visible_end); i++)
    refresh_row (self, i);

  /* The others after the frame: redrawing comes before default-idle work. */
  if (position < end && (position < self->visible_first || end > self->visible_end))
    {
      self->stale_from = MIN (self->stale_from, position);
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add (refresh_stale_rows_cb, self);
    }

  if (new_n_items < old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n_items, old_n_items - new_n_items, 0);
  else if (new_n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, new_n_items - old_n_items);
}

static void
sb_row_model_dispose (GObject *object)
{
  SbRowModel *self = (SbRowModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_row_model_parent_class)->dispose (object);
}

static void
sb_row_model_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbRowModel *self = SB_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HOLD_WHEN_EMPTY:
      g_value_set_boolean (value, self->hold_when_empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_row_model_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbRowModel *self = SB_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sb_row_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_HOLD_WHEN_EMPTY:
      self->hold_when_empty = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_row_model_class_init (SbRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_row_model_dispose;
  object_class->get_property = sb_row_model_get_property;
  object_class->set_property = sb_row_model_set_property;

  /**
   * SbRowModel:model:
   *
   * The items the rows show.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SbRowModel:hold-when-empty:
   *
   * Whether the rows stay as they were while the model is empty.
   */
  properties[PROP_HOLD_WHEN_EMPTY] =
    g_param_spec_boolean ("hold-when-empty", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Rows not asked for yet are NULL. */
static void
clear_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
sb_row_model_init (SbRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (clear_row);
  self->stale_from = G_MAXUINT;
  self->visible_end = G_MAXUINT;   /* all, until told */
}

SbRowModel *
sb_row_model_new (GListModel *model)
{
  return g_object_new (SB_TYPE_ROW_MODEL, "model", model, NULL);
}

/**
 * sb_row_model_get_model:
 *
 * Returns: (transfer none) (nullable): the items the rows show
 */
GListModel *
sb_row_model_get_model (SbRowModel *self)
{
  g_return_val_if_fail (SB_IS_ROW_MODEL (self), NULL);

  return self->model;
}

void
sb_row_model_set_model (SbRowModel *self,
                        GListModel *model)
{
  guint removed;

  g_return_if_fail (SB_IS_ROW_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);

  /* A new model is a new list: the rows are made again. */
  removed = self->n_items;
  self->holding = FALSE;
  self->stale_from = G_MAXUINT;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_ptr_array_set_size (self->rows, 0);
  self->n_items = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * sb_row_model_set_visible_range:
 * @first: the first row on screen
 * @count: how many rows from @first are on screen, or %G_MAXUINT for all
 *
 * The rows that take their items at once when the model changes.
 */
void
sb_row_model_set_visible_range (SbRowModel *self,
                                guint       first,
                                guint       count)
{
  g_return_if_fail (SB_IS_ROW_MODEL (self));

  self->visible_first = first;
  self->visible_end = count > G_MAXUINT - first ? G_MAXUINT : first + count;
}
