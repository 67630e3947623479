{#- Generic tests written here because dbt packages (dbt_utils) cannot be installed offline. -#}

{#- Fails on every row where the SQL expression is not true. -#}
{% test expression_is_true(model, expression, column_name=none) %}
    select *
    from {{ model }}
    where not coalesce(({{ expression }}), false)
{% endtest %}

{#- Fails when the model's row count differs from compare_model's (optionally filtered). -#}
{% test equal_row_count(model, compare_model, compare_where=none) %}
    with

    here as (
        select count(*) as n from {{ model }}
    ),

    there as (
        select count(*) as n from {{ compare_model }}
        {% if compare_where %} where {{ compare_where }} {% endif %}
    )

    select here.n as model_rows, there.n as compare_rows
    from here
    cross join there
    where here.n <> there.n
{% endtest %}

{#- Fails on rows whose [char_start, char_end) span does not lie inside the article's body_clean. -#}
{% test span_within_article(model, articles, start_column='char_start', end_column='char_end') %}
    with

    facts as (
        select * from {{ model }}
    ),

    articles as (
        select article_id, length(body_clean) as body_chars from {{ articles }}
    )

    select facts.*
    from facts
    left join articles on facts.article_id = articles.article_id
    where
        articles.article_id is null
        or facts.{{ start_column }} is null
        or facts.{{ end_column }} is null
        or facts.{{ start_column }} < 0
        or facts.{{ end_column }} <= facts.{{ start_column }}
        or facts.{{ end_column }} > articles.body_chars
{% endtest %}
