"""Demo cases (fictional, marked demo): 24 co-creation cases across regions, fields and actor
combinations, some naming listed demo organisations and demo measures, all published."""

import datetime
from decimal import Decimal

from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.directory.models import Organisation
from kyoso.measures.models import Measure
from kyoso.moderation.models import Status
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field, Municipality

from .models import Actor, Case, Outcome

G, C, R, N, S, M, U, P = (
    "government",
    "company",
    "residents",
    "npo",
    "shakyo",
    "care",
    "university",
    "coop",
)
SHAKYO = "@shakyo"  # the prefecture's demo 社会福祉協議会
# (title, pref, municipality, fields, started, actors [(role, name, part)], issue, approach,
#  outcomes [(label, value, unit, source)], measure title (start), tips)
CASES = [
    (
        "スーパーと社協が走らせる移動販売「おかいもの便」",
        "20",
        "飯田市",
        ["shopping", "mobility", "watching-over"],
        2019,
        [
            (C, "株式会社みらい", "移動販売車の運行と品ぞろえ"),
            (S, SHAKYO, "立ち寄り先の調整と見守り"),
            (G, "飯田市 長寿支援課", "停留所の公共スペース利用の調整"),
        ],
        "中山間地の集落で最寄りのスーパーが閉店し、車を運転しない高齢者が日々の食品を買えなくなっていた。",
        "地元スーパーが移動販売車を週2回運行し、社協の生活支援コーディネーターが集落ごとの停留所と時間を住民と決めた。"
        "販売員は気になる様子があれば社協に連絡する見守りの協定を結んだ。",
        [
            ("利用者数", "420", "人／月", "事業者の販売記録（2024年度平均）"),
            ("停留所", "38", "か所", "飯田市 長寿支援課 資料"),
            ("継続年数", "6", "年", "事業開始 2019年"),
        ],
        "買い物困難地域の移動販売支援補助金",
        "停留所を公民館や集会所にすると、買い物のあとにお茶を飲む「ついでの居場所」になった。",
    ),
    (
        "新聞販売店・郵便局と結ぶ見守り協定",
        "04",
        "石巻市",
        ["watching-over"],
        2017,
        [
            (G, "石巻市 福祉部", "協定の締結と通報の受付"),
            (C, "新聞販売店組合（デモ）", "配達時の異変の連絡"),
            (C, "日本郵便 地域の郵便局（デモ）", "配達時の異変の連絡"),
            (S, SHAKYO, "通報後の訪問"),
        ],
        "ひとり暮らしの高齢者が増え、倒れていても数日気づかれない例があった。",
        "市と新聞販売店・郵便局が見守り協定を結び、新聞がたまる・郵便受けがあふれるなどの異変を市に連絡する仕組みをつくった。",
        [
            ("協定事業者", "27", "社", "石巻市 協定一覧"),
            ("通報件数", "64", "件／年", "石巻市 福祉部 2024年度集計"),
        ],
        "見守り活動における個人情報の取扱い",
        "個人情報の扱いを最初に整理し、事業者が「連絡してよい」と迷わない手順書を作った。",
    ),
    (
        "住民と大学がつくる居場所「まちの縁側」",
        "13",
        "八王子市",
        ["places-to-belong", "intergenerational", "learning"],
        2021,
        [
            (R, "めじろ台自治会（デモ）", "運営と当番"),
            (U, "八王子市内の大学（デモ）", "学生ボランティアと効果測定"),
            (G, "八王子市 高齢者いきいき課", "空き店舗の紹介"),
        ],
        "団地の高齢化が進み、外出の機会が減って閉じこもりがちな人が増えていた。",
        "商店街の空き店舗を自治会が借り、週4日の居場所を開いた。大学のゼミが学生当番と参加者の変化の調査を担う。",
        [
            ("参加者数", "1850", "人／年", "自治会の来場記録"),
            ("学生ボランティア", "32", "人", "大学の活動報告書"),
        ],
        "高齢者の居場所づくりに関する調査研究",
        "学生が来る日は子ども連れの参加も増え、自然に多世代の場になった。",
    ),
    (
        "生協の宅配で広げる配食と安否確認",
        "14",
        "横須賀市",
        ["meals", "watching-over"],
        2018,
        [
            (P, "生活協同組合（デモ）", "夕食の宅配と手渡し"),
            (G, "横須賀市 福祉部", "対象者の紹介"),
            (N, "NPO法人 みまもりネット（デモ）", "不在時の訪問"),
        ],
        "坂の多い地域で、調理が難しくなった高齢者の食事が偏っていた。",
        "生協の夕食宅配を手渡しにし、受け取りがないときはNPOが訪問する。市は介護予防の対象者に案内を届けた。",
        [
            ("配食数", "96000", "食／年", "生協の配送記録"),
            ("安否確認の連絡", "210", "件／年", "NPO 活動報告"),
        ],
        "生活支援体制整備事業",
        "手渡しにすることで、配達員との会話を楽しみにする人が多かった。",
    ),
    (
        "ボランティア運転の「おでかけ号」",
        "32",
        "雲南市",
        ["mobility", "volunteering"],
        2016,
        [
            (R, "地域自主組織（デモ）", "運行と運転ボランティア"),
            (G, "雲南市 地域振興課", "車両の貸与と保険"),
            (S, SHAKYO, "運転ボランティア講習"),
        ],
        "路線バスが廃止され、通院や買い物の足がなくなった。",
        "地域自主組織が市の車両を借り、登録した住民が運転する予約制の移動支援を始めた。",
        [
            ("運行回数", "1460", "回／年", "地域自主組織 運行日誌"),
            ("運転ボランティア", "24", "人", "同上"),
        ],
        "地域公共交通確保維持改善事業",
        "運転者の負担を減らすため、1人月2回までの当番表にした。",
    ),
    (
        "農協の直売所を拠点にした買い物・交流サロン",
        "06",
        "鶴岡市",
        ["shopping", "places-to-belong", "farmland"],
        2020,
        [
            (P, "農業協同組合（デモ）", "直売所の場所と送迎"),
            (R, "住民有志（デモ）", "サロンの運営"),
            (S, SHAKYO, "立ち上げ支援"),
        ],
        "冬は雪で外出が減り、集落の高齢者どうしが顔を合わせる機会がなかった。",
        "農協の直売所の一角で週1回サロンを開き、買い物と体操と昼食を一緒にした。農協が送迎車を出す。",
        [("参加者数", "35", "人／回", "サロンの出席簿")],
        "",
        "農作物を持ち寄って売る人もいて、生きがいづくりにもなった。",
    ),
    (
        "介護事業所の送迎車の空き時間を使った買い物支援",
        "27",
        "堺市",
        ["mobility", "shopping", "care"],
        2022,
        [
            (M, "社会福祉法人 ひだまり会（デモ）", "送迎車と運転手"),
            (G, "堺市 長寿社会部", "制度面の確認"),
            (C, "株式会社さくら", "店舗での受け入れ"),
        ],
        "デイサービスの送迎車は日中空いているのに、近くの高齢者は買い物に困っていた。",
        "送迎の合間に、地域の高齢者を週2回スーパーまで送迎する。道路運送法上の扱いを市と確認した。",
        [("利用者数", "85", "人／月", "法人の運行記録")],
        "住民参画・官民連携推進事業",
        "制度の確認を最初にしたことで、他の事業所にも広げられた。",
    ),
    (
        "NPOとコンビニの「ちょっと困りごと」相談窓口",
        "01",
        "旭川市",
        ["watching-over", "housing"],
        2019,
        [
            (N, "NPO法人 きたの暮らし支援（デモ）", "相談対応と訪問"),
            (C, "株式会社つばさ", "店舗での相談の受け付け"),
        ],
        "電球の交換や雪かきなど小さな困りごとを、誰に頼めばよいか分からない高齢者が多い。",
        "コンビニのレジ横に相談カードを置き、NPOが折り返して有償ボランティアを手配する。",
        [("相談件数", "730", "件／年", "NPO 受付簿")],
        "",
        "1回500円の有償にしたことで、頼む側も気兼ねしなくなった。",
    ),
    (
        "団地の空き室を使った多世代食堂",
        "28",
        "神戸市",
        ["meals", "intergenerational", "places-to-belong"],
        2021,
        [
            (R, "団地自治会（デモ）", "運営"),
            (C, "住宅供給公社（デモ）", "空き室の提供"),
            (U, "地元大学（デモ）", "学生スタッフ"),
            (G, "神戸市 福祉局", "広報"),
        ],
        "団地の子育て世帯と高齢者の接点がなく、孤立する人がいた。",
        "空き室を改装し、月4回の食堂を開く。学生が配膳と子どもの宿題を手伝う。",
        [
            ("参加者数", "2400", "人／年", "自治会の記録"),
            ("年間の費用", "960000", "円", "自治会の会計報告"),
        ],
        "",
        "",
    ),
    (
        "商店街の「まちの保健室」",
        "40",
        "北九州市",
        ["health", "medical", "places-to-belong"],
        2018,
        [
            (M, "地域の訪問看護ステーション（デモ）", "健康相談"),
            (R, "商店街振興組合（デモ）", "場所の提供"),
            (G, "北九州市 保健福祉局", "保健師の派遣"),
        ],
        "受診をためらう高齢者が多く、体調の変化が遅れて見つかっていた。",
        "商店街の空き店舗で、看護師と保健師が週1回、血圧測定と健康相談を行う。",
        [("相談件数", "1120", "件／年", "訪問看護ステーション 記録")],
        "介護予防・日常生活支援総合事業",
        "買い物帰りに立ち寄れる場所にしたことが大きかった。",
    ),
    (
        "企業の社員ボランティアによる庭木の手入れ",
        "23",
        "豊田市",
        ["housing", "volunteering", "environment"],
        2020,
        [
            (C, "株式会社かけはし", "社員ボランティア"),
            (S, SHAKYO, "依頼の受け付け"),
            (R, "地区の老人クラブ（デモ）", "依頼のとりまとめ"),
        ],
        "庭木や草の手入れができず、空き家のようになる高齢者宅が増えていた。",
        "社協が依頼を受け、企業の社員が月1回のボランティアデーに手入れする。",
        [("対応件数", "140", "件／年", "社協の記録")],
        "",
        "",
    ),
    (
        "乗合タクシー「ふれあい号」の共同運行",
        "39",
        "四万十市",
        ["mobility"],
        2017,
        [
            (G, "四万十市 企画課", "運行委託"),
            (C, "地元タクシー会社（デモ）", "運行"),
            (R, "地区の区長会（デモ）", "停留所と時刻の決定"),
        ],
        "山間部の集落から市街地の病院まで、公共交通が1日1便しかなかった。",
        "予約制の乗合タクシーを市がタクシー会社に委託し、停留所と時刻は住民が決める。",
        [("利用者数", "9800", "人／年", "市の運行実績"), ("1回の運賃", "300", "円", "市の要綱")],
        "地域公共交通確保維持改善事業",
        "",
    ),
    (
        "認知症の人とつくる「注文をまちがえるカフェ」",
        "15",
        "新潟市",
        ["places-to-belong", "care", "culture-arts"],
        2022,
        [
            (M, "グループホーム（デモ）", "スタッフの同行"),
            (C, "市内のカフェ（デモ）", "店舗の提供"),
            (N, "認知症の人と家族の会（デモ）", "企画"),
        ],
        "認知症になると地域の活動に参加しにくくなり、家族も孤立していた。",
        "月1回、認知症の人がホールスタッフを務めるカフェを開き、地域の人が客として訪れる。",
        [("来場者数", "600", "人／年", "会の記録")],
        "",
        "",
    ),
    (
        "大学生の「スマホ教室」と見守りアプリ",
        "26",
        "京都市",
        ["learning", "watching-over", "intergenerational"],
        2023,
        [
            (U, "京都の大学（デモ）", "学生講師"),
            (G, "京都市 保健福祉局", "会場の確保"),
            (C, "通信事業者（デモ）", "端末の貸し出し"),
        ],
        "スマートフォンを使えず、オンラインの手続きや家族との連絡に困る高齢者が多い。",
        "学生が地域の集会所でスマホ教室を開き、希望者には家族と使える見守りアプリを紹介する。",
        [("受講者数", "540", "人／年", "大学の活動報告")],
        "",
        "",
    ),
    (
        "漁協と社協の「浜の見守り隊」",
        "44",
        "佐伯市",
        ["watching-over", "volunteering"],
        2019,
        [(P, "漁業協同組合（デモ）", "漁師の声かけ"), (S, SHAKYO, "連絡の受け付けと訪問")],
        "漁村の高齢者は家族が遠方に住み、日中に様子を知る人がいなかった。",
        "漁から戻った漁師が声かけをし、気になる様子を社協に知らせる。",
        [("見守り世帯", "120", "世帯", "社協の台帳")],
        "",
        "",
    ),
    (
        "廃校を使った「みんなの学校」",
        "36",
        "三好市",
        ["places-to-belong", "learning", "culture-arts"],
        2018,
        [(R, "地区の住民団体（デモ）", "運営"), (G, "三好市 地域振興課", "建物の貸与")],
        "小学校の閉校で、地区の集まる場所がなくなった。",
        "廃校を住民団体が借り、手芸・そば打ち・体操の教室を開く。",
        [("利用者数", "3200", "人／年", "住民団体の記録")],
        "",
        "",
    ),
    (
        "ドラッグストアの店内で介護予防体操",
        "34",
        "福山市",
        ["health", "sports-recreation"],
        2021,
        [
            (C, "株式会社なごみ", "店内スペースと薬剤師の相談"),
            (G, "福山市 長寿社会応援課", "体操指導者の派遣"),
        ],
        "通いの場が近くになく、体操に参加できない高齢者がいた。",
        "ドラッグストアの店内で週1回体操を行い、終わった後に薬剤師が健康相談に応じる。",
        [("参加者数", "45", "人／回", "店舗の記録")],
        "介護予防・日常生活支援総合事業",
        "",
    ),
    (
        "社協と宅配事業者の「ごみ出しサポート」",
        "11",
        "川口市",
        ["cleaning", "watching-over"],
        2020,
        [(S, SHAKYO, "対象者の登録"), (C, "株式会社ことぶき", "配達のついでのごみ出し")],
        "集合住宅の高齢者が、ごみを集積所まで運べなくなっていた。",
        "宅配事業者が配達のついでにごみを預かり、集積所に出す。出ていないときは社協に知らせる。",
        [("登録世帯", "210", "世帯", "社協の台帳")],
        "",
        "",
    ),
    (
        "シニアの「ちょこっと就労」マッチング",
        "22",
        "浜松市",
        ["employment", "successors"],
        2022,
        [
            (G, "浜松市 産業部", "事業費"),
            (N, "NPO法人 しごとの窓口（デモ）", "仕事の切り出しと紹介"),
            (C, "地元企業（デモ）", "短時間の仕事の提供"),
        ],
        "働きたい高齢者はいるが、週5日フルタイムの求人しかなかった。",
        "企業の仕事を短時間に切り分け、NPOが高齢者に紹介する。",
        [("就労した人数", "130", "人", "NPO 事業報告")],
        "",
        "",
    ),
    (
        "防災訓練と一体の見守り名簿づくり",
        "47",
        "那覇市",
        ["disaster-crime-prevention", "watching-over"],
        2019,
        [
            (R, "自治会連合会（デモ）", "名簿づくりと訓練"),
            (G, "那覇市 防災危機管理課", "避難行動要支援者名簿の提供"),
        ],
        "災害時に助けが必要な高齢者を、近所の人が把握していなかった。",
        "自治会が防災訓練の機会に見守りが必要な人を確認し、平時の声かけにも使う名簿にした。",
        [("訓練参加者", "1500", "人／年", "連合会の記録")],
        "見守り活動における個人情報の取扱い",
        "",
    ),
    (
        "県域で広げる「買い物支援ネットワーク」",
        "17",
        "",
        ["shopping", "community-building"],
        2021,
        [
            (G, "石川県 長寿社会課", "ネットワークの事務局"),
            (C, "株式会社あおば", "県内の移動販売"),
            (P, "生活協同組合（デモ）", "宅配"),
            (S, SHAKYO, "市町の社協との調整"),
        ],
        "県内の市町ごとに買い物支援がばらばらで、空白地域があった。",
        "県が事業者と社協の連絡会をつくり、移動販売と宅配のルートを地図で共有して空白地域を埋めた。",
        [("参加事業者", "18", "社", "県の資料"), ("空白地域の解消", "42", "地区", "同上")],
        "住民参画・官民連携推進事業",
        "",
    ),
    (
        "医療・介護の専門職による「地域ケア会議」からの居場所づくり",
        "10",
        "前橋市",
        ["care", "places-to-belong", "medical"],
        2020,
        [
            (M, "地域包括支援センター（デモ）", "会議の運営"),
            (M, "市内の診療所（デモ）", "専門職の参加"),
            (R, "民生委員（デモ）", "地域の情報"),
        ],
        "退院後に家に閉じこもる高齢者が、地域ケア会議で何度も話題になっていた。",
        "会議で出た声から、診療所の待合室を使った月2回の茶話会を始めた。",
        [("参加者数", "28", "人／回", "地域包括支援センターの記録")],
        "",
        "",
    ),
    (
        "ふるさと納税を財源にした雪かき支援",
        "05",
        "横手市",
        ["housing", "volunteering"],
        2018,
        [
            (G, "横手市 地域づくり支援課", "財源の確保"),
            (R, "地区の雪かき隊（デモ）", "作業"),
            (S, SHAKYO, "依頼の受け付け"),
        ],
        "屋根や玄関前の雪かきができず、冬に外出できない高齢者がいた。",
        "ふるさと納税の使い道に「雪かき支援」を設け、地区の雪かき隊に作業費を払う。",
        [("対応世帯", "380", "世帯／冬", "市の実績報告")],
        "",
        "",
    ),
    (
        "大学と自治体の「買い物弱者マップ」づくり",
        "12",
        "松戸市",
        ["shopping", "community-building", "learning"],
        2023,
        [
            (U, "千葉の大学（デモ）", "調査と地図づくり"),
            (G, "松戸市 福祉長寿部", "データの提供"),
            (C, "株式会社みらい", "出店計画への活用"),
        ],
        "どの地区で買い物に困る人が多いのか、根拠がなかった。",
        "大学が店舗までの距離と高齢化率から地図をつくり、移動販売のルートづくりに使った。",
        [("調査した地区", "52", "地区", "大学の報告書")],
        "地域づくり支援ツール",
        "",
    ),
]


def _organisation(name: str, pref_name: str):
    listed = Organisation.objects.filter(status="published")
    if name == SHAKYO:
        return listed.filter(name=f"社会福祉法人{pref_name}社会福祉協議会（デモ）").first()
    if name.startswith("株式会社") and len(name) <= 8:
        return listed.filter(name__startswith=name).order_by("pk").first()
    if name == "NPO法人 みまもりネット（デモ）":
        return listed.filter(name__contains="みまもりネット").first()
    return None


def load() -> str:
    if Case.objects.filter(is_demo=True).exists():
        return f"{Case.objects.filter(is_demo=True).count()} cases (already loaded)"
    submitter = User.objects.filter(email="coordinator@demo.kyoso.example").first()
    reviewer = User.objects.filter(email="admin@demo.kyoso.example").first()
    fields = {f.slug: f for f in Field.objects.all()}
    platforms = {p.prefecture_id: p for p in Platform.objects.exclude(prefecture=None)}
    now = timezone.now()
    created = 0
    for i, row in enumerate(CASES):
        (title, pref, muni_name, slugs, started, actors, issue, approach, outcomes, measure,
         tips) = row  # fmt: skip
        platform = platforms.get(pref)
        if platform is None:
            continue
        muni = (
            Municipality.objects.filter(prefecture_id=pref, name=muni_name).first()
            if muni_name
            else None
        )
        published = now - datetime.timedelta(days=7 * i + 2)
        case = Case.objects.create(
            platform=platform,
            title=f"{title}（デモ）",
            summary=approach.split("。")[0] + "。",
            prefecture_id=pref,
            municipality=muni,
            issue=issue,
            approach=approach,
            results="数値は事例を登録した方の報告によるものです（デモ）。",
            funding="",
            started_year=started,
            tips=tips,
            contact="生活支援共創プラットフォーム 事務局（デモ）",
            status=Status.PUBLISHED,
            submitted_by=submitter,
            submitted_at=published - datetime.timedelta(days=3),
            reviewed_by=reviewer,
            reviewed_at=published,
            published_at=published,
            checklist=["numbers", "personal", "photos"],
            is_demo=True,
        )
        case.fields.set([fields[s] for s in slugs if s in fields])
        pref_name = platform.prefecture.name
        for position, (role, name, part) in enumerate(actors):
            org = _organisation(name, pref_name)
            shown = org.name if org is not None and name in (SHAKYO,) else name
            if org is not None and name.startswith("株式会社"):
                shown = org.name
            Actor.objects.create(
                case=case, role=role, name=shown, organisation=org, part=part, position=position
            )
        for position, (label, value, unit, source) in enumerate(outcomes):
            Outcome.objects.create(
                case=case,
                label=label,
                value=Decimal(value),
                unit=unit,
                source=source,
                position=position,
            )
        if measure:
            found = Measure.objects.filter(title__startswith=measure, is_demo=True).first()
            if found:
                case.measures.add(found)
        created += 1
    from kyoso.search.engine import index_object

    for case in Case.objects.filter(is_demo=True):
        index_object(case)
    return f"{created} cases"
