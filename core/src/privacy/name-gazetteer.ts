/**
 * A small given-name gazetteer across cultures (written for this project, from general knowledge of common given
 * names; not derived from any data set), lower-case ASCII with diacritics folded. It confirms a capitalized word as a
 * given name when there is no stronger cue; the person-name finder never relies on it alone.
 */
const NAMES = `
aaron abby abdul abdullah abel abigail abraham ada adam adele adrian adriana agnes ahmad ahmed aidan aiko aisha akira
alan alana albert alberto aleksandr aleksandra alex alexander alexandra alexandre alexis alfred alfredo ali alice
alicia alina alison allison alma amanda amber amelia amelie amina amir amit amy ana anastasia anders andre andrea
andreas andrei andres andrew andrzej angela angelica angelo anika anil anita anja ann anna anne annette annika antoine
anton antonia antonio anya arjun arnaud arthur arturo asha ashley ashok astrid aurelie austin ava axel ayesha aylin
barbara bart beatrice beatriz becky ben benedict benjamin bernard bernd berta beth bettina betty bianca bill birgit
bjorn blake bogdan boris brad bradley brandon brenda brian bridget brigitte bruno bryan caitlin camila camille
candice carl carla carlos carmen carol carole caroline carolyn carsten casey catalina catherine cecile cecilia celine
chad chang chantal charles charlie charlotte chen cheng chiara chloe chris christian christina christine christoph
christopher chun cindy claire clara claudia claudio clemens colin connor constance cora corinne craig cristina
cynthia dagmar daisuke dale damian dan dana daniel daniela daniele danielle danny daria dario darius dave david dawn
dean debbie deborah deepak denis denise dennis derek diana diane diego dieter dimitri dina dirk dmitri dominik
dominique donald donna doris dorothy doug douglas duncan dylan edgar edith eduardo edward eileen elena eleni eli
elias elif elisa elisabeth elise eliza elizabeth ella ellen elsa emil emilia emilie emily emma emmanuel emre enrico
enrique eric erica erik erika ernesto esther ethan eugene eva evan evelyn fabian fabio farah fatima federica federico
felipe felix fernando filip fiona florian frances francesca francesco francis francisco franck frank franz freddie
frederic frederick frida friedrich gabriel gabriela gabriele gabrielle gareth gary gaurav gavin gemma genevieve geoff
george georg gerald gerard gerhard gertrude gianluca gina giorgio giovanni gisela giulia giuseppe gloria gonzalo
gordon grace graham greg gregory greta guadalupe gunter gustavo hakan hana hannah hans harald harold harry hassan
heather hector heidi heike helen helena helga helmut henri henrik henry herbert hiroshi hiroko hoang holger holly
hugo hussein ian ibrahim ida ignacio igor ilse imran ines inga ingrid irene irina iris isaac isabel isabella
isabelle ivan jack jackie jacob jacqueline jacques jake james jamie jan jana jane janet janice jasmine jason javier
jean jeanne jeff jeffrey jelena jennifer jenny jens jeremy jerome jessica jill jim jimmy jin joan joanna joao jochen
joe joel johan johann johanna john johnny jon jonas jonathan jordan jorge jose josef joseph josephine joshua joyce
juan juana judith julia julian juliana julie julien julio jun jurgen justin kai kamal karen karin karina karl karla
kasia katarina katarzyna kate katharina katherine kathleen kathryn kathy katie katja kay keiko keith kelly ken kenji
kenneth kerstin kevin kim kimberly klaus krishna kristen kristina krzysztof kumar kurt kyle lara larry laura lauren
laurent leah lena leo leon leonardo leonie lesley leslie liam lidia lily lin linda lindsay lisa liu lorenzo louis
louise lucas lucia luciana lucy luigi luis luisa lukas luke lydia lynn madeleine magdalena maja malik manfred manon
manuel manuela marc marcel marcela marco marcus margaret margarita maria mariam marian marianne marie marina mario
marion marisa mark marko markus marta martha martin martina mary mateo mathias mathieu matt matteo matthew matthias
maureen max maxim maximilian maya mehmet melanie melissa mercedes mia michael michaela michel michele michelle miguel
mikhail mila milan minh miriam mohamed mohammad mohammed monica monika morgan muhammad nadia nadine naomi natalia
natalie natasha nathalie nathan neil nicholas nick nicola nicolas nicole niklas nikolai nikos nina noah noel nora
norbert olaf olga oliver olivia omar oscar otto pablo paolo pascal patricia patrick paul paula pauline pavel pedro
peggy per peter petra philip philipp philippe pierre pietro piotr pooja priya rachel rafael rahul raj rajesh ralf
ramon randy raphael raquel raul ravi ray raymond rebecca regina reinhard renata renate rene ricardo richard rick
rita rob robert roberta roberto robin rocio roger roland rolf roman ronald rosa rosalind rose ruben rudolf ruth ryan
sabine sabrina sachiko sahil salma sam samantha samir samuel sandra sanjay santiago sara sarah sascha satoshi scott
sean sebastian sebastien sergei sergio seung shannon sharon sheila shirley silvia simon simone sofia sonia sophia
sophie stefan stefanie stella stephan stephanie stephen steve steven susan susanne suzanne svetlana sven sylvia
takashi tamara tanja tanya tara ted teresa thea theo theresa thierry thomas tim timothy tina tobias todd tom tomas
tommaso tony tracy travis ulrich ursula uwe valentina valerie vanessa vera veronica veronique victor victoria
vincent vincenzo viktor vladimir walter wang wei wendy werner wilhelm william willem wolfgang xavier xin yan yang
yasmin yolanda yong yuki yuko yusuf yvonne zach zachary zainab zhang zoe zofia
adaeze amara chidi chinedu emeka femi folake ngozi obinna olu oluwaseun kwame kofi ama abena yaw thabo sipho zanele
nomvula kagiso lerato tendai tatenda wanjiru wambui kamau otieno achieng baraka juma amani zawadi
aarav aditi aditya akash ananya anjali arun deepika divya gita harish kavya lakshmi manish meera neha nikhil
prakash preeti rohan sanjana shreya sunita suresh vijay vikram
hiroki haruto yui sakura ren sota yuto hina aoi riku mei takumi naoki kenta shota yuna
minjun seojun jiho jiwoo hyun jisoo minji seoyeon
wen hui lei ming jie ling fang hao yu xiaoming xiaoli
thi van anh linh trang tuan huong quang duc
ayse fatma zeynep mustafa ahmet burak can cem deniz ozge selin
sven lars nils erik ingrid sigrid bjorn astrid freya liv
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  NAMES.split('\n')
    .flatMap((line) => line.split(' '))
    .filter((w) => w.length > 1),
);

/** Fold a word to the gazetteer's form: lower case, diacritics removed. */
export function foldName(word: string): string {
  const d = word.normalize('NFKD').toLowerCase();
  let out = '';
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c < 0x300 || c > 0x36f) out += d[i];
  }
  return out;
}
